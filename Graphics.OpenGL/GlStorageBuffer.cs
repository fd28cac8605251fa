using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>An immutable-storage buffer that the CPU may update, zero-filled at creation.</summary>
internal sealed unsafe class GlStorageBuffer : GlResource, IStorageBuffer
{
    private readonly GL _gl;

    public GlStorageBuffer(GlDevice device, int byteSize)
        : base(device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteSize);
        _gl = device.Gl;
        ByteSize = byteSize;
        Id = _gl.CreateBuffer();
        _gl.NamedBufferStorage(Id, (nuint)byteSize, null, BufferStorageMask.DynamicStorageBit);
        // Storage starts undefined; a GPU-side clear avoids a CPU zero buffer.
        _gl.ClearNamedBufferData(Id, SizedInternalFormat.R8, PixelFormat.Red, PixelType.UnsignedByte, null);
        device.CheckError($"creating a {byteSize}-byte storage buffer");
    }

    public uint Id { get; }

    public int ByteSize { get; }

    public void Upload(ReadOnlySpan<byte> data, int byteOffset = 0)
    {
        ThrowIfDisposed();
        CheckRange(byteOffset, data.Length);
        fixed (byte* p = data)
        {
            _gl.NamedBufferSubData(Id, byteOffset, (nuint)data.Length, p);
        }
    }

    public void Download(Span<byte> destination, int byteOffset = 0)
    {
        ThrowIfDisposed();
        CheckRange(byteOffset, destination.Length);
        fixed (byte* p = destination)
        {
            _gl.GetNamedBufferSubData(Id, byteOffset, (nuint)destination.Length, p);
        }
    }

    internal void CheckRange(int byteOffset, int length)
    {
        if (byteOffset < 0 || length < 0 || (long)byteOffset + length > ByteSize)
        {
            throw new ArgumentOutOfRangeException(nameof(byteOffset), $"Range {byteOffset}+{length} exceeds the {ByteSize}-byte buffer.");
        }
    }

    protected override void DeleteObjects()
    {
        _gl.DeleteBuffer(Id);
    }
}
