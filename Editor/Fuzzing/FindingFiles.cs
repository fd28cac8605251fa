using System.Globalization;
using System.Security.Cryptography;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// The fuzzer's files in the out folder: one file per distinct finding (named by kind and content hash), the
/// slowest input, and the input being decoded right now, so a native crash that takes the process down
/// leaves its input behind.
/// </summary>
internal sealed class FindingFiles : IDisposable
{
    private const string CurrentName = "current-input.bin";

    private readonly string? _folder;
    private readonly FileStream? _current;

    public FindingFiles(string? folder)
    {
        _folder = folder;
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        _current = new FileStream(Path.Combine(folder, CurrentName), FileMode.Create, FileAccess.Write, FileShare.Read, 1);
    }

    /// <summary>Puts the input about to be decoded on disk; a write system call reaches the page cache, which outlives a crash.</summary>
    public void SetCurrent(byte[] input)
    {
        if (_current is null)
        {
            return;
        }

        _current.Position = 0;
        _current.Write(input);
        _current.SetLength(input.Length);
    }

    public string? Write(string kind, byte[] input)
    {
        if (_folder is null)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(input))[..16];
        var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{kind}-{hash}.bin"));
        File.WriteAllBytes(path, input);
        return path;
    }

    public void Dispose()
    {
        if (_current is null)
        {
            return;
        }

        // A run that ends normally crashed on nothing.
        _current.Dispose();
        File.Delete(Path.Combine(_folder!, CurrentName));
    }
}
