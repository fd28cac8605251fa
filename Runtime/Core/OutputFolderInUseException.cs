namespace NeuralPost.Core;

/// <summary>Another run is writing to the output folder (it holds <see cref="OutputFolderLock.FileName"/> there).</summary>
public sealed class OutputFolderInUseException : NeuralPostException
{
    /// <summary>Creates the error for <paramref name="folder"/>.</summary>
    public OutputFolderInUseException(string folder, Exception innerException)
        : base($"output folder {folder} is in use by another run (it holds {OutputFolderLock.FileName} there); wait for it to finish or choose another --out", innerException)
    {
        Folder = folder;
    }

    /// <summary>The folder, as an absolute path.</summary>
    public string Folder { get; }
}
