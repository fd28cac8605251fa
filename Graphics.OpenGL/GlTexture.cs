using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>An immutable-storage 2-D texture with one level, clamped, linearly filtered.</summary>
internal sealed unsafe class GlTexture : GlResource, ITexture
{
    private readonly GL _gl;
    private readonly PixelType _pixelType;

    public GlTexture(GlDevice device, int width, int height, TextureFormat format)
        : base(WithPositiveSizes(device, width, height))
    {
        _gl = device.Gl;
        Width = width;
        Height = height;
        Format = format;
        InternalFormat = GlFormat.InternalFormat(format);
        _pixelType = GlFormat.PixelType(format);
        ByteSize = checked(width * height * GlFormat.BytesPerPixel(format));
        Id = _gl.CreateTexture(TextureTarget.Texture2D);
        _gl.TextureStorage2D(Id, 1, InternalFormat, (uint)width, (uint)height);
        _gl.TextureParameter(Id, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Linear);
        _gl.TextureParameter(Id, TextureParameterName.TextureMagFilter, (int)TextureMagFilter.Linear);
        _gl.TextureParameter(Id, TextureParameterName.TextureWrapS, (int)TextureWrapMode.ClampToEdge);
        _gl.TextureParameter(Id, TextureParameterName.TextureWrapT, (int)TextureWrapMode.ClampToEdge);
        device.CheckError($"creating a {width}x{height} {format} texture");
    }

    public uint Id { get; }

    public SizedInternalFormat InternalFormat { get; }

    public PixelType PixelType => _pixelType;

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
            _gl.TextureSubImage2D(Id, 0, 0, 0, (uint)Width, (uint)Height, PixelFormat.Rgba, _pixelType, p);
        }

        Device.CountUpload(pixels.Length);
    }

    public void Download(Span<byte> destination)
    {
        ThrowIfDisposed();
        CheckLength(destination.Length);
        fixed (byte* p = destination)
        {
            _gl.GetTextureImage(Id, 0, PixelFormat.Rgba, _pixelType, (uint)ByteSize, p);
        }

        Device.CountReadBack(ByteSize);
    }

    protected override void DeleteObjects()
    {
        _gl.DeleteTexture(Id);
    }

    private void CheckLength(int length)
    {
        if (length != ByteSize)
        {
            throw new ArgumentException($"Expected {ByteSize} bytes for a {Width}x{Height} {Format} texture, got {length}.");
        }
    }
}
