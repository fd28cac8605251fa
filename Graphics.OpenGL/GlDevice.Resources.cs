namespace NeuralPost.Graphics.OpenGL;

/// <content>Resource creation.</content>
public sealed partial class GlDevice
{
    /// <inheritdoc/>
    public ITexture CreateTexture(int width, int height, TextureFormat format)
    {
        ThrowIfDisposed();
        return new GlTexture(this, width, height, format);
    }

    /// <inheritdoc/>
    public IRenderTarget CreateRenderTarget(int width, int height, TextureFormat format, bool withDepth) =>
        CreateTextureRenderTarget(width, height, format, withDepth);

    /// <inheritdoc/>
    public ITextureRenderTarget CreateTextureRenderTarget(int width, int height, TextureFormat format, bool withDepth)
    {
        ThrowIfDisposed();
        return new GlRenderTarget(this, width, height, format, withDepth);
    }

    /// <inheritdoc/>
    public IStorageBuffer CreateStorageBuffer(int byteSize)
    {
        ThrowIfDisposed();
        return new GlStorageBuffer(this, byteSize);
    }

    /// <inheritdoc/>
    public IComputeProgram CreateComputeProgram(string name, string source)
    {
        ThrowIfDisposed();
        return new GlComputeProgram(this, name, source);
    }

    /// <inheritdoc/>
    public IGraphicsProgram CreateGraphicsProgram(string name, string vertexSource, string fragmentSource)
    {
        ThrowIfDisposed();
        return new GlGraphicsProgram(this, name, vertexSource, fragmentSource);
    }

    /// <inheritdoc/>
    public IMesh CreateMesh(ReadOnlySpan<float> vertices, int strideInFloats, ReadOnlySpan<uint> indices, ReadOnlySpan<VertexAttribute> attributes)
    {
        ThrowIfDisposed();
        return new GlMesh(this, vertices, strideInFloats, indices, attributes);
    }

    /// <inheritdoc/>
    public IReadbackBuffer CreateReadbackBuffer(int byteSize)
    {
        ThrowIfDisposed();
        return new GlReadbackBuffer(this, byteSize);
    }

    /// <inheritdoc/>
    public IGpuTimer CreateTimer()
    {
        ThrowIfDisposed();
        return new GlGpuTimer(this);
    }

    /// <inheritdoc/>
    public IFence InsertFence()
    {
        ThrowIfDisposed();
        return new GlFence(this);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
