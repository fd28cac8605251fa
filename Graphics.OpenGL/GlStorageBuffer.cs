using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>An immutable-storage buffer that the CPU may update, zero-filled at creation.</summary>
internal sealed unsafe class GlStorageBuffer : GlBuffer, IStorageBuffer
{
    public GlStorageBuffer(GlDevice device, int byteSize)
        : base(device, byteSize, BufferStorageMask.DynamicStorageBit)
    {
        // Storage starts undefined; a GPU-side clear avoids a CPU zero buffer.
        Gl.ClearNamedBufferData(Id, SizedInternalFormat.R8, PixelFormat.Red, PixelType.UnsignedByte, null);
        device.CheckError($"creating a {byteSize}-byte storage buffer");
    }

    public void Upload(ReadOnlySpan<byte> data, int byteOffset = 0)
    {
        ThrowIfDisposed();
        CheckRange(byteOffset, data.Length);
        fixed (byte* p = data)
        {
            Gl.NamedBufferSubData(Id, byteOffset, (nuint)data.Length, p);
        }

        Device.CountUpload(data.Length);
    }

    public void Download(Span<byte> destination, int byteOffset = 0)
    {
        ThrowIfDisposed();
        CheckRange(byteOffset, destination.Length);
        fixed (byte* p = destination)
        {
            Gl.GetNamedBufferSubData(Id, byteOffset, (nuint)destination.Length, p);
        }

        Device.CountReadBack(destination.Length);
    }

    internal void CheckRange(int byteOffset, int length)
    {
        if (byteOffset < 0 || length < 0 || (long)byteOffset + length > ByteSize)
        {
            throw new ArgumentOutOfRangeException(nameof(byteOffset), $"Range {byteOffset}+{length} exceeds the {ByteSize}-byte buffer.");
        }
    }
}
