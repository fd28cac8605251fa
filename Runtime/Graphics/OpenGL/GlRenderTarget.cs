using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A framebuffer object with a colour texture and, optionally, a 24-bit depth + stencil renderbuffer.</summary>
internal sealed unsafe class GlRenderTarget : GlResource, ITextureRenderTarget, IGlFramebuffer
{
    private readonly GlFunctions _gl;
    private readonly GlTexture _color;
    private readonly uint _depth;

    public GlRenderTarget(GlDevice device, int width, int height, TextureFormat format, bool withDepth)
        : base(device)
    {
        _gl = device.Gl;
        _color = new GlTexture(device, width, height, format);
        uint framebuffer;
        _gl.CreateFramebuffers(1, &framebuffer);
        FramebufferId = framebuffer;
        _gl.NamedFramebufferTexture(framebuffer, GL_COLOR_ATTACHMENT0, _color.Id, 0);
        if (withDepth)
        {
            uint depth;
            _gl.CreateRenderbuffers(1, &depth);
            _depth = depth;
            _gl.NamedRenderbufferStorage(depth, GL_DEPTH24_STENCIL8, width, height);
            _gl.NamedFramebufferRenderbuffer(framebuffer, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth);
        }

        var status = _gl.CheckNamedFramebufferStatus(framebuffer, GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE)
        {
            Dispose();
            throw new GraphicsException($"Render target {width}x{height} {format} is incomplete (status 0x{status:X4}).");
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
        var framebuffer = FramebufferId;
        _gl.DeleteFramebuffers(1, &framebuffer);
        if (_depth != 0)
        {
            var depth = _depth;
            _gl.DeleteRenderbuffers(1, &depth);
        }

        _color.Dispose();
    }
}
