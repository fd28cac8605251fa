using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A pixel-pack buffer mapped once, persistently and coherently, in client memory: copies land there
/// asynchronously and completing one is a fence poll plus a memcpy, with no map/unmap per frame.
/// </summary>
internal sealed unsafe class GlReadbackBuffer : GlBuffer, IReadbackBuffer
{
    private const MapBufferAccessMask Mapping =
        MapBufferAccessMask.ReadBit | MapBufferAccessMask.PersistentBit | MapBufferAccessMask.CoherentBit;

    // Client storage: the CPU is the only reader, so the driver may keep the bytes where memcpy is cheapest.
    private const BufferStorageMask Storage = BufferStorageMask.MapReadBit | BufferStorageMask.MapPersistentBit
        | BufferStorageMask.MapCoherentBit | BufferStorageMask.ClientStorageBit;

    private readonly byte* _mapped;
    private nint _sync;
    private bool _landed;

    public GlReadbackBuffer(GlDevice device, int byteSize)
        : base(device, byteSize, Storage)
    {
        _mapped = (byte*)Gl.MapNamedBufferRange(Id, 0, (nuint)byteSize, Mapping);
        if (_mapped == null)
        {
            device.CheckError("mapping a readback buffer");
            Dispose();
            throw new GraphicsException("glMapNamedBufferRange returned null for a readback buffer.");
        }

        device.CheckError($"creating a {byteSize}-byte readback buffer");
        // Mapped once for the buffer's life, so this counts at creation, not per readback.
        device.CountMapped(byteSize);
    }

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
        Gl.BindBuffer(BufferTargetARB.PixelPackBuffer, Id);
        Gl.GetTextureImage(texture.Id, 0, PixelFormat.Rgba, texture.PixelType, (uint)texture.ByteSize, null);
        Gl.BindBuffer(BufferTargetARB.PixelPackBuffer, 0);
        Fence();
    }

    public void StartRead(IRenderTarget source)
    {
        ThrowIfDisposed();
        var framebuffer = Device.Unwrap<IGlFramebuffer>(source);
        Reserve(checked(source.Width * source.Height * GlFormat.BytesPerPixel(source.Format)));
        Gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, framebuffer.FramebufferId);
        Gl.BindBuffer(BufferTargetARB.PixelPackBuffer, Id);
        Gl.ReadPixels(0, 0, (uint)source.Width, (uint)source.Height, PixelFormat.Rgba, GlFormat.PixelType(source.Format), null);
        Gl.BindBuffer(BufferTargetARB.PixelPackBuffer, 0);
        Fence();
    }

    public void StartRead(IStorageBuffer source, int byteOffset, int byteCount)
    {
        ThrowIfDisposed();
        var buffer = Device.Unwrap<GlStorageBuffer>(source);
        buffer.CheckRange(byteOffset, byteCount);
        Reserve(byteCount);
        Gl.CopyNamedBufferSubData(buffer.Id, Id, byteOffset, 0, (nuint)byteCount);
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
            Gl.UnmapNamedBuffer(Id);
        }

        base.DeleteObjects();
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
        // Counted when the copy is queued: that is when the bytes cross; completing it is a memcpy in host memory.
        Device.CountReadBack(byteCount);
    }

    private void Fence()
    {
        // Coherent persistent mappings still need this barrier when shaders wrote the source, before the fence.
        Gl.MemoryBarrier(MemoryBarrierMask.ClientMappedBufferBarrierBit);
        _sync = Gl.FenceSync(SyncCondition.SyncGpuCommandsComplete, SyncBehaviorFlags.None);
    }

    private bool Poll(ulong timeoutNanoseconds)
    {
        if (_sync == 0)
        {
            return _landed;
        }

        if (!GlFence.IsSyncSignaled(Gl, _sync, timeoutNanoseconds))
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
            Gl.DeleteSync(_sync);
            _sync = 0;
        }
    }
}
