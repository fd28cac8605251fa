using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A framebuffer object with a colour texture and, optionally, a 24-bit depth + stencil renderbuffer.</summary>
internal sealed class GlRenderTarget : GlResource, ITextureRenderTarget, IGlFramebuffer
{
    private readonly GL _gl;
    private readonly GlTexture _color;
    private readonly uint _depth;

    public GlRenderTarget(GlDevice device, int width, int height, TextureFormat format, bool withDepth)
        : base(device)
    {
        _gl = device.Gl;
        _color = new GlTexture(device, width, height, format);
        FramebufferId = _gl.CreateFramebuffer();
        _gl.NamedFramebufferTexture(FramebufferId, FramebufferAttachment.ColorAttachment0, _color.Id, 0);
        if (withDepth)
        {
            _depth = _gl.CreateRenderbuffer();
            _gl.NamedRenderbufferStorage(_depth, InternalFormat.Depth24Stencil8, (uint)width, (uint)height);
            _gl.NamedFramebufferRenderbuffer(FramebufferId, FramebufferAttachment.DepthStencilAttachment, RenderbufferTarget.Renderbuffer, _depth);
        }

        var status = _gl.CheckNamedFramebufferStatus(FramebufferId, FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            Dispose();
            throw new GraphicsException($"Render target {width}x{height} {format} is incomplete (status 0x{(uint)status:X4}).");
        }

        device.CheckError($"creating a {width}x{height} {format} render target");
    }

    public uint FramebufferId { get; }

    public ITexture Color => _color;

    public bool HasDepth => _depth != 0;

    public bool HasDepthBuffer => _depth != 0;

    public int Width => _color.Width;

    public int Height => _color.Height;

    public TextureFormat Format => _color.Format;

    protected override void DeleteObjects()
    {
        Device.ForgetTarget(this);
        _gl.DeleteFramebuffer(FramebufferId);
        if (_depth != 0)
        {
            _gl.DeleteRenderbuffer(_depth);
        }

        _color.Dispose();
    }
}
