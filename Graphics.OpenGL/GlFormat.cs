using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>How each <see cref="TextureFormat"/> maps onto GL storage and client pixel transfer.</summary>
internal static class GlFormat
{
    /// <summary>The sized internal format for texture storage and image binding.</summary>
    public static SizedInternalFormat InternalFormat(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => SizedInternalFormat.Rgba8,
        TextureFormat.Rgba16F => SizedInternalFormat.Rgba16f,
        TextureFormat.Rgba32F => SizedInternalFormat.Rgba32f,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown texture format."),
    };

    /// <summary>The client component type that transfers the format without conversion.</summary>
    public static PixelType PixelType(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => Silk.NET.OpenGL.PixelType.UnsignedByte,
        TextureFormat.Rgba16F => Silk.NET.OpenGL.PixelType.HalfFloat,
        TextureFormat.Rgba32F => Silk.NET.OpenGL.PixelType.Float,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown texture format."),
    };

    /// <summary>Bytes per pixel in the client layout.</summary>
    public static int BytesPerPixel(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => 4,
        TextureFormat.Rgba16F => 8,
        TextureFormat.Rgba32F => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown texture format."),
    };
}
