namespace NeuralPost.Graphics;

/// <summary>How a compute program may use a texture bound as a storage image.</summary>
public enum ImageAccess
{
    /// <summary>Loads only.</summary>
    Read,

    /// <summary>Stores only.</summary>
    Write,

    /// <summary>Loads and stores.</summary>
    ReadWrite,
}
