using System.Diagnostics;

namespace NeuralPost.Tests.Files;

/// <summary>
/// A tmpfs of a few kilobytes mounted for one test, so writes hit a real "no space left on device"; the test is
/// ignored, with the reason, where mounting is not permitted (not root, or in a container without the capability).
/// </summary>
internal sealed class TinyFileSystem : IDisposable
{
    private TinyFileSystem(string root) => Root = root;

    /// <summary>The mount point.</summary>
    public string Root { get; }

    public static TinyFileSystem MountOrIgnore(int kilobytes)
    {
        var root = TestPaths.NewTempDirectory();
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", root);
        if (code != 0)
        {
            Directory.Delete(root);
            Assert.Ignore($"cannot mount a tmpfs to fill (mount exit {code}: {error.Trim()})");
        }

        return new TinyFileSystem(root);
    }

    /// <summary>Writes a filler file until the file system is full, so the next write of any size fails.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Path.Combine(Root, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: what the test wants.
        }
    }

    /// <summary>The files left in <see cref="Root"/> other than the filler, by name.</summary>
    public string[] Names() =>
        Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Where(n => n != "filler").Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose()
    {
        Run("umount", Root);
        Directory.Delete(Root, recursive: true);
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
