using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>An immutable-storage buffer that the CPU may update, zero-filled at creation.</summary>
internal sealed unsafe class GlStorageBuffer : GlResource, IStorageBuffer
{
    private readonly GlFunctions _gl;

    public GlStorageBuffer(GlDevice device, int byteSize)
        : base(device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteSize);
        _gl = device.Gl;
        ByteSize = byteSize;
        uint id;
        _gl.CreateBuffers(1, &id);
        Id = id;
        _gl.NamedBufferStorage(id, byteSize, null, GL_DYNAMIC_STORAGE_BIT);
        // Storage starts undefined; a GPU-side clear avoids a CPU zero buffer.
        _gl.ClearNamedBufferData(id, GL_R8, GL_RED, GL_UNSIGNED_BYTE, null);
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
            _gl.NamedBufferSubData(Id, byteOffset, data.Length, p);
        }
    }

    public void Download(Span<byte> destination, int byteOffset = 0)
    {
        ThrowIfDisposed();
        CheckRange(byteOffset, destination.Length);
        fixed (byte* p = destination)
        {
            _gl.GetNamedBufferSubData(Id, byteOffset, destination.Length, p);
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
        var id = Id;
        _gl.DeleteBuffers(1, &id);
    }
}
