namespace NeuralPost.Editor.Cli;

/// <summary>
/// Checks where a command will write before it loads a model or computes anything, so an unwritable or missing
/// folder fails in a second rather than after a whole upscale or evaluation.
/// </summary>
internal static class OutputPath
{
    /// <summary>Checks that the folder of the file <paramref name="path"/> exists and accepts a new file.</summary>
    /// <exception cref="OutputPathException">The folder is missing, not a folder or not writable.</exception>
    public static void CheckFileFolder(string path, string what)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new OutputPathException($"the folder of {what} {path} does not exist: {folder}");
        }

        Probe(folder, $"the folder of {what} {path}");
    }

    /// <summary>
    /// Creates the output folder <paramref name="path"/> when missing, as the command would, and checks that it
    /// accepts a new file.
    /// </summary>
    /// <exception cref="OutputPathException">The folder cannot be created or is not writable.</exception>
    public static void PrepareFolder(string path, string what)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"{what} {path} cannot be created: {e.Message}");
        }

        Probe(Path.GetFullPath(path), $"{what} {path}");
    }

    // Permission bits do not tell the whole story (read-only mounts, ACLs, root), so a file is created and deleted.
    private static void Probe(string folder, string what)
    {
        var probe = Path.Combine(folder, $".neuralpost-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"{what} is not writable: {e.Message}");
        }
    }
}
