using System.Numerics;
using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <content>Per-frame commands: binding, dispatch, drawing, blits. None of these allocate.</content>
public sealed unsafe partial class GlDevice
{
    // Everything a compute write may be consumed by next: shaders, samplers, blits, pixel transfers,
    // CPU reads of buffers. Narrower sets would save little on the drivers that matter and risk stale reads.
    private const MemoryBarrierMask DispatchBarriers =
        MemoryBarrierMask.ShaderStorageBarrierBit | MemoryBarrierMask.ShaderImageAccessBarrierBit
        | MemoryBarrierMask.TextureFetchBarrierBit | MemoryBarrierMask.TextureUpdateBarrierBit
        | MemoryBarrierMask.BufferUpdateBarrierBit | MemoryBarrierMask.PixelBufferBarrierBit
        | MemoryBarrierMask.FramebufferBarrierBit | MemoryBarrierMask.UniformBarrierBit
        | MemoryBarrierMask.VertexAttribArrayBarrierBit | MemoryBarrierMask.ElementArrayBarrierBit;

    private IGlFramebuffer? _target;

    /// <inheritdoc/>
    public void BindStorageBuffer(int binding, IStorageBuffer buffer) =>
        Gl.BindBufferBase(BufferTargetARB.ShaderStorageBuffer, (uint)binding, Unwrap<GlStorageBuffer>(buffer).Id);

    /// <inheritdoc/>
    public void BindImage(int unit, ITexture texture, ImageAccess access)
    {
        var gl = Unwrap<GlTexture>(texture);
        var glAccess = access switch
        {
            ImageAccess.Read => BufferAccessARB.ReadOnly,
            ImageAccess.Write => BufferAccessARB.WriteOnly,
            _ => BufferAccessARB.ReadWrite,
        };
        // Silk types image formats as InternalFormat and storage formats as SizedInternalFormat; the values agree.
        Gl.BindImageTexture((uint)unit, gl.Id, 0, false, 0, glAccess, (InternalFormat)gl.InternalFormat);
    }

    /// <inheritdoc/>
    public void BindTexture(int unit, ITexture texture) => Gl.BindTextureUnit((uint)unit, Unwrap<GlTexture>(texture).Id);

    /// <inheritdoc/>
    public void Dispatch(IComputeProgram program, int groupsX, int groupsY, int groupsZ)
    {
        Gl.UseProgram(Unwrap<GlComputeProgram>(program).Id);
        Gl.DispatchCompute((uint)groupsX, (uint)groupsY, (uint)groupsZ);
        Gl.MemoryBarrier(DispatchBarriers);
    }

    /// <inheritdoc/>
    public void SetRenderTarget(IRenderTarget target)
    {
        var framebuffer = Unwrap<IGlFramebuffer>(target);
        Gl.BindFramebuffer(FramebufferTarget.Framebuffer, framebuffer.FramebufferId);
        Gl.Viewport(0, 0, (uint)framebuffer.Width, (uint)framebuffer.Height);
        _target = framebuffer;
    }

    /// <inheritdoc/>
    public void SetViewport(int x, int y, int width, int height) => Gl.Viewport(x, y, (uint)width, (uint)height);

    /// <inheritdoc/>
    public void SetDepthTest(bool enabled)
    {
        // A disabled depth test also stops depth writes in GL, so the depth mask can stay on for clears.
        if (enabled)
        {
            Gl.Enable(EnableCap.DepthTest);
        }
        else
        {
            Gl.Disable(EnableCap.DepthTest);
        }
    }

    /// <inheritdoc/>
    public void Clear(Vector4 color, float depth = 1f)
    {
        var target = _target ?? throw new InvalidOperationException("SetRenderTarget must be called before Clear.");
        Gl.ClearNamedFramebuffer(target.FramebufferId, BufferKind.Color, 0, &color.X);
        if (target.HasDepthBuffer)
        {
            Gl.ClearNamedFramebuffer(target.FramebufferId, BufferKind.Depth, 0, &depth);
        }
    }

    /// <inheritdoc/>
    public void DrawIndexed(IGraphicsProgram program, IMesh mesh, int indexCount = -1)
    {
        if (_target is null)
        {
            throw new InvalidOperationException("SetRenderTarget must be called before DrawIndexed.");
        }

        var glMesh = Unwrap<GlMesh>(mesh);
        var count = indexCount < 0 ? glMesh.IndexCount : Math.Min(indexCount, glMesh.IndexCount);
        Gl.UseProgram(Unwrap<GlGraphicsProgram>(program).Id);
        Gl.BindVertexArray(glMesh.VertexArrayId);
        Gl.DrawElements(PrimitiveType.Triangles, (uint)count, DrawElementsType.UnsignedInt, null);
    }

    /// <inheritdoc/>
    public void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter)
    {
        var from = Unwrap<IGlFramebuffer>(source);
        var to = Unwrap<IGlFramebuffer>(destination);
        Gl.BlitNamedFramebuffer(
            from.FramebufferId, to.FramebufferId,
            0, 0, from.Width, from.Height,
            0, 0, to.Width, to.Height,
            ClearBufferMask.ColorBufferBit, filter == BlitFilter.Linear ? BlitFramebufferFilter.Linear : BlitFramebufferFilter.Nearest);
    }

    /// <inheritdoc/>
    public void Flush() => Gl.Flush();

    /// <inheritdoc/>
    public void Finish() => Gl.Finish();

    /// <summary>Forgets the current target when it is the one going away, so a later Clear fails clearly.</summary>
    internal void ForgetTarget(IGlFramebuffer target)
    {
        if (ReferenceEquals(_target, target))
        {
            _target = null;
        }
    }
}
