using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A pixel-pack buffer mapped once, persistently and coherently, in client memory: copies land there
/// asynchronously and completing one is a fence poll plus a memcpy, with no map/unmap per frame.
/// </summary>
internal sealed unsafe class GlReadbackBuffer : GlResource, IReadbackBuffer
{
    private readonly GlFunctions _gl;
    private readonly byte* _mapped;
    private nint _sync;
    private bool _landed;

    public GlReadbackBuffer(GlDevice device, int byteSize)
        : base(device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteSize);
        _gl = device.Gl;
        ByteSize = byteSize;
        uint id;
        _gl.CreateBuffers(1, &id);
        Id = id;
        const uint flags = GL_MAP_READ_BIT | GL_MAP_PERSISTENT_BIT | GL_MAP_COHERENT_BIT;
        _gl.NamedBufferStorage(id, byteSize, null, flags | GL_CLIENT_STORAGE_BIT);
        _mapped = (byte*)_gl.MapNamedBufferRange(id, 0, byteSize, flags);
        if (_mapped == null)
        {
            device.CheckError("mapping a readback buffer");
            Dispose();
            throw new GraphicsException("glMapNamedBufferRange returned null for a readback buffer.");
        }

        device.CheckError($"creating a {byteSize}-byte readback buffer");
    }

    public uint Id { get; }

    public int ByteSize { get; }

    public int PendingBytes { get; private set; }

    public bool IsReady
    {
        get
        {
            ThrowIfDisposed();
            return Poll(0);
        }
    }

    public void StartRead(ITexture source)
    {
        ThrowIfDisposed();
        var texture = Device.Unwrap<GlTexture>(source);
        Reserve(texture.ByteSize);
        _gl.BindBuffer(GL_PIXEL_PACK_BUFFER, Id);
        _gl.GetTextureImage(texture.Id, 0, GL_RGBA, texture.PixelType, texture.ByteSize, null);
        _gl.BindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        Fence();
    }

    public void StartRead(IRenderTarget source)
    {
        ThrowIfDisposed();
        var framebuffer = Device.Unwrap<IGlFramebuffer>(source);
        Reserve(checked(source.Width * source.Height * GlFormat.BytesPerPixel(source.Format)));
        _gl.BindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer.FramebufferId);
        _gl.BindBuffer(GL_PIXEL_PACK_BUFFER, Id);
        _gl.ReadPixels(0, 0, source.Width, source.Height, GL_RGBA, GlFormat.PixelType(source.Format), null);
        _gl.BindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        Fence();
    }

    public void StartRead(IStorageBuffer source, int byteOffset, int byteCount)
    {
        ThrowIfDisposed();
        var buffer = Device.Unwrap<GlStorageBuffer>(source);
        buffer.CheckRange(byteOffset, byteCount);
        Reserve(byteCount);
        _gl.CopyNamedBufferSubData(buffer.Id, Id, byteOffset, 0, byteCount);
        Fence();
    }

    public bool TryComplete(Span<byte> destination)
    {
        ThrowIfDisposed();
        if (!Poll(0))
        {
            return false;
        }

        Copy(destination);
        return true;
    }

    public void Complete(Span<byte> destination)
    {
        ThrowIfDisposed();
        if (_sync == 0 && !_landed)
        {
            throw new InvalidOperationException("No readback was started.");
        }

        // Bounded waits so a hung GPU surfaces as an error instead of a frozen process.
        for (var second = 0; !Poll(1_000_000_000UL); second++)
        {
            if (second >= 60)
            {
                throw new GraphicsException("A readback did not land within 60 seconds.");
            }
        }

        Copy(destination);
    }

    protected override void DeleteObjects()
    {
        ReleaseSync();
        if (_mapped != null)
        {
            _gl.UnmapNamedBuffer(Id);
        }

        var id = Id;
        _gl.DeleteBuffers(1, &id);
    }

    private void Reserve(int byteCount)
    {
        if (byteCount > ByteSize)
        {
            throw new ArgumentException($"The copy needs {byteCount} bytes but the readback buffer holds {ByteSize}.");
        }

        ReleaseSync();
        _landed = false;
        PendingBytes = byteCount;
    }

    private void Fence()
    {
        // Coherent persistent mappings still need this barrier when shaders wrote the source, before the fence.
        _gl.MemoryBarrier(GL_CLIENT_MAPPED_BUFFER_BARRIER_BIT);
        _sync = _gl.FenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    }

    private bool Poll(ulong timeoutNanoseconds)
    {
        if (_sync == 0)
        {
            return _landed;
        }

        if (!GlFence.IsSyncSignaled(_gl, _sync, timeoutNanoseconds))
        {
            return false;
        }

        ReleaseSync();
        _landed = true;
        return true;
    }

    private void Copy(Span<byte> destination)
    {
        if (destination.Length < PendingBytes)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes but the readback has {PendingBytes}.", nameof(destination));
        }

        new ReadOnlySpan<byte>(_mapped, PendingBytes).CopyTo(destination);
    }

    private void ReleaseSync()
    {
        if (_sync != 0)
        {
            _gl.DeleteSync(_sync);
            _sync = 0;
        }
    }
}
