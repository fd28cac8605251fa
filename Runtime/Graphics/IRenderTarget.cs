namespace NeuralPost.Graphics;

/// <summary>
/// A 2-D colour image the GPU can render into and read from: what a camera renders to and what post-process
/// passes take and give. Backends implement it; passes and the hosting layer only see this contract.
/// </summary>
public interface IRenderTarget : IDisposable
{
    /// <summary>Width in pixels.</summary>
    int Width { get; }

    /// <summary>Height in pixels.</summary>
    int Height { get; }

    /// <summary>Colour format.</summary>
    TextureFormat Format { get; }
}
