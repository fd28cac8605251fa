using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>An immutable-storage 2-D texture with one level, clamped, linearly filtered.</summary>
internal sealed unsafe class GlTexture : GlResource, ITexture
{
    private readonly GlFunctions _gl;
    private readonly uint _pixelType;

    public GlTexture(GlDevice device, int width, int height, TextureFormat format)
        : base(device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _gl = device.Gl;
        Width = width;
        Height = height;
        Format = format;
        InternalFormat = GlFormat.InternalFormat(format);
        _pixelType = GlFormat.PixelType(format);
        ByteSize = checked(width * height * GlFormat.BytesPerPixel(format));
        uint id;
        _gl.CreateTextures(GL_TEXTURE_2D, 1, &id);
        Id = id;
        _gl.TextureStorage2D(id, 1, InternalFormat, width, height);
        _gl.TextureParameteri(id, GL_TEXTURE_MIN_FILTER, (int)GL_LINEAR);
        _gl.TextureParameteri(id, GL_TEXTURE_MAG_FILTER, (int)GL_LINEAR);
        _gl.TextureParameteri(id, GL_TEXTURE_WRAP_S, (int)GL_CLAMP_TO_EDGE);
        _gl.TextureParameteri(id, GL_TEXTURE_WRAP_T, (int)GL_CLAMP_TO_EDGE);
        device.CheckError($"creating a {width}x{height} {format} texture");
    }

    public uint Id { get; }

    public uint InternalFormat { get; }

    public uint PixelType => _pixelType;

    public int Width { get; }

    public int Height { get; }

    public TextureFormat Format { get; }

    public int ByteSize { get; }

    public void Upload(ReadOnlySpan<byte> pixels)
    {
        ThrowIfDisposed();
        CheckLength(pixels.Length);
        fixed (byte* p = pixels)
        {
            _gl.TextureSubImage2D(Id, 0, 0, 0, Width, Height, GL_RGBA, _pixelType, p);
        }
    }

    public void Download(Span<byte> destination)
    {
        ThrowIfDisposed();
        CheckLength(destination.Length);
        fixed (byte* p = destination)
        {
            _gl.GetTextureImage(Id, 0, GL_RGBA, _pixelType, ByteSize, p);
        }
    }

    protected override void DeleteObjects()
    {
        var id = Id;
        _gl.DeleteTextures(1, &id);
    }

    private void CheckLength(int length)
    {
        if (length != ByteSize)
        {
            throw new ArgumentException($"Expected {ByteSize} bytes for a {Width}x{Height} {Format} texture, got {length}.");
        }
    }
}
