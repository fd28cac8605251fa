namespace NeuralPost.Core;

/// <summary>
/// An exclusive claim on an output folder for one run, so two runs writing the same folder do not overwrite each
/// other's files silently. It is an operating-system lock on <see cref="FileName"/> in the folder: it dies with
/// the process, so a killed run's leftover file never blocks the next run.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name in the output folder.</summary>
    public const string FileName = ".neuralpost.lock";

    private readonly FileStream _stream;
    private readonly string _path;

    private OutputFolderLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Creates <paramref name="folder"/> if needed and locks it until disposed.</summary>
    /// <param name="folder">The output folder.</param>
    /// <returns>The lock; dispose it when the run ends.</returns>
    /// <exception cref="OutputFolderInUseException">Another run, in this process or another, holds the folder.</exception>
    /// <exception cref="IOException">The folder or the lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static OutputFolderLock Acquire(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, FileName);
        while (true)
        {
            FileStream stream;
            try
            {
                // FileShare.None is an flock on Unix and a share mode on Windows: both end with the process.
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                throw new OutputFolderInUseException(full, e);
            }

            // A run that was just finishing may have removed the file between our open and our lock; a lock on that
            // orphan would not keep out a run that creates the file anew.
            if (File.Exists(path))
            {
                return new OutputFolderLock(stream, path);
            }

            stream.Dispose();
        }
    }

    /// <summary>Releases the folder and removes the lock file.</summary>
    public void Dispose()
    {
        // Removed while still held, so no other run can lock the file we are about to delete.
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A leftover lock file is harmless: nobody holds it.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _stream.Dispose();
    }

    // .NET reports a Windows share-mode clash as ERROR_SHARING_VIOLATION and a held flock by its errno,
    // EWOULDBLOCK: 11 on Linux, 35 on macOS.
    private static bool IsHeldElsewhere(IOException e) =>
        e.HResult == unchecked((int)0x80070020) || (!OperatingSystem.IsWindows() && e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11));
}
