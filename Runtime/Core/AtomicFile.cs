namespace NeuralPost.Core;

/// <summary>
/// Writes a file aside, flushes it to disk and renames it over the target, so a crash, a kill or a full disk never
/// leaves a truncated file under the final name: readers see the old file or the complete new one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> puts in the stream.</summary>
    /// <param name="path">The output file; its folder must exist.</param>
    /// <param name="write">Writes the whole content; the stream is flushed and closed afterwards.</param>
    /// <exception cref="IOException">
    /// The file cannot be written (full disk, missing folder, ...): the message names <paramref name="path"/> and
    /// says the existing file, if any, is unchanged; the temporary file is gone.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        // Same folder, so the rename stays on one file system and is atomic.
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                // Without this a power cut after the rename can leave the new name pointing at unwritten blocks.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (IOException e)
        {
            DeleteQuietly(temporary);
            throw new IOException($"cannot write {full}: {Reason(e, temporary)}; "
                + (File.Exists(full) ? "the existing file is unchanged" : "nothing was written"), e);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> as <see cref="Write(string, Action{Stream})"/> does.</summary>
    /// <exception cref="IOException">The file cannot be written; the existing file is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> bytes) => Write(path, stream => stream.Write(bytes.Span));

    // The system's message names the temporary file, which the user never asked for and which is gone by now.
    private static string Reason(IOException e, string temporary) =>
        e is DirectoryNotFoundException ? $"its folder {Path.GetDirectoryName(temporary)} does not exist" : e.Message.Replace($" : '{temporary}'", "", StringComparison.Ordinal).Replace(temporary, "a temporary file beside it", StringComparison.Ordinal);

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Cleaning up must not hide the error that made it necessary.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
