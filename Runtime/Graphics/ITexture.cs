namespace NeuralPost.Graphics;

/// <summary>
/// A 2-D GPU texture with one mip level. Pixel data crosses the CPU boundary tightly packed, row by row from
/// the bottom row (GPU convention), in the format's own layout: 4 bytes, 4 halves or 4 floats per pixel.
/// </summary>
public interface ITexture : IDisposable
{
    /// <summary>Width in pixels.</summary>
    int Width { get; }

    /// <summary>Height in pixels.</summary>
    int Height { get; }

    /// <summary>Pixel format.</summary>
    TextureFormat Format { get; }

    /// <summary>Size in bytes of the whole image as <see cref="Upload"/> and <see cref="Download"/> see it.</summary>
    int ByteSize { get; }

    /// <summary>Replaces the whole image; <paramref name="pixels"/> must hold exactly <see cref="ByteSize"/> bytes.</summary>
    void Upload(ReadOnlySpan<byte> pixels);

    /// <summary>Reads the whole image back, waiting for the GPU; <paramref name="destination"/> must hold <see cref="ByteSize"/> bytes.</summary>
    void Download(Span<byte> destination);
}
