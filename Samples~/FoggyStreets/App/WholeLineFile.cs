using System.Text;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// A text file that only ever holds whole lines: each line goes to the system in one write and is flushed at once,
/// so a kill loses no finished line, and a write that fails half way (a full disk) is cut back to the line before.
/// </summary>
internal sealed class WholeLineFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    /// <summary>Creates or truncates <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public WholeLineFile(string path)
    {
        _path = Path.GetFullPath(path);
        // No buffer of our own: a buffer is what a kill loses and what a failing Dispose reports instead of the real error.
        _stream = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>Appends <paramref name="line"/> and a line feed.</summary>
    /// <exception cref="IOException">The line cannot be written; the file still ends with the previous whole line.</exception>
    public void AppendLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        var end = _stream.Position;
        try
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
        catch (IOException e)
        {
            CutBackTo(end);
            throw new IOException($"cannot write {_path}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private void CutBackTo(long end)
    {
        try
        {
            // Shrinking frees blocks, so it works on the full disk that cut the line.
            _stream.SetLength(end);
            _stream.Position = end;
        }
        catch (IOException)
        {
            // The write's error is the one to report; a cut line is all that remains of this one.
        }
    }
}
