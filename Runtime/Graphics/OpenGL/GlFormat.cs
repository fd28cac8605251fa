using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>How each <see cref="TextureFormat"/> maps onto GL storage and client pixel transfer.</summary>
internal static class GlFormat
{
    /// <summary>The sized internal format for texture storage and image binding.</summary>
    public static uint InternalFormat(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => GL_RGBA8,
        TextureFormat.Rgba16F => GL_RGBA16F,
        TextureFormat.Rgba32F => GL_RGBA32F,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown texture format."),
    };

    /// <summary>The client component type that transfers the format without conversion.</summary>
    public static uint PixelType(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => GL_UNSIGNED_BYTE,
        TextureFormat.Rgba16F => GL_HALF_FLOAT,
        TextureFormat.Rgba32F => GL_FLOAT,
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
