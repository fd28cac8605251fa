using System.Numerics;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <content>Per-frame commands: binding, dispatch, drawing, blits. None of these allocate.</content>
public sealed unsafe partial class GlDevice
{
    // Everything a compute write may be consumed by next: shaders, samplers, blits, pixel transfers,
    // CPU reads of buffers. Narrower sets would save little on the drivers that matter and risk stale reads.
    private const uint DispatchBarriers =
        GL_SHADER_STORAGE_BARRIER_BIT | GL_SHADER_IMAGE_ACCESS_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT
        | GL_TEXTURE_UPDATE_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT | GL_PIXEL_BUFFER_BARRIER_BIT
        | GL_FRAMEBUFFER_BARRIER_BIT | GL_UNIFORM_BARRIER_BIT | GL_VERTEX_ATTRIB_ARRAY_BARRIER_BIT
        | GL_ELEMENT_ARRAY_BARRIER_BIT;

    private IGlFramebuffer? _target;

    /// <inheritdoc/>
    public void BindStorageBuffer(int binding, IStorageBuffer buffer) =>
        Gl.BindBufferBase(GL_SHADER_STORAGE_BUFFER, (uint)binding, Unwrap<GlStorageBuffer>(buffer).Id);

    /// <inheritdoc/>
    public void BindImage(int unit, ITexture texture, ImageAccess access)
    {
        var gl = Unwrap<GlTexture>(texture);
        var glAccess = access switch
        {
            ImageAccess.Read => GL_READ_ONLY,
            ImageAccess.Write => GL_WRITE_ONLY,
            _ => GL_READ_WRITE,
        };
        Gl.BindImageTexture((uint)unit, gl.Id, 0, 0, 0, glAccess, gl.InternalFormat);
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
        Gl.BindFramebuffer(GL_FRAMEBUFFER, framebuffer.FramebufferId);
        Gl.Viewport(0, 0, framebuffer.Width, framebuffer.Height);
        _target = framebuffer;
    }

    /// <inheritdoc/>
    public void SetViewport(int x, int y, int width, int height) => Gl.Viewport(x, y, width, height);

    /// <inheritdoc/>
    public void SetDepthTest(bool enabled)
    {
        // A disabled depth test also stops depth writes in GL, so the depth mask can stay on for clears.
        if (enabled)
        {
            Gl.Enable(GL_DEPTH_TEST);
        }
        else
        {
            Gl.Disable(GL_DEPTH_TEST);
        }
    }

    /// <inheritdoc/>
    public void Clear(Vector4 color, float depth = 1f)
    {
        var target = _target ?? throw new InvalidOperationException("SetRenderTarget must be called before Clear.");
        Gl.ClearNamedFramebufferfv(target.FramebufferId, GL_COLOR, 0, &color.X);
        if (target.HasDepthBuffer)
        {
            Gl.ClearNamedFramebufferfv(target.FramebufferId, GL_DEPTH, 0, &depth);
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
        Gl.DrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, null);
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
            GL_COLOR_BUFFER_BIT, filter == BlitFilter.Linear ? GL_LINEAR : GL_NEAREST);
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
