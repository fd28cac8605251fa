using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A buffer object with immutable storage of a fixed size; each kind of buffer picks the storage flags.</summary>
internal abstract unsafe class GlBuffer : GlResource
{
    /// <summary>Creates the buffer name and its storage, contents undefined.</summary>
    protected GlBuffer(GlDevice device, int byteSize, BufferStorageMask flags)
        : base(WithPositiveSizes(device, byteSize))
    {
        Gl = device.Gl;
        ByteSize = byteSize;
        Id = Gl.CreateBuffer();
        Gl.NamedBufferStorage(Id, (nuint)byteSize, null, flags);
    }

    /// <summary>The buffer name.</summary>
    public uint Id { get; }

    /// <summary>The storage size in bytes.</summary>
    public int ByteSize { get; }

    /// <summary>The owning device's GL entry points.</summary>
    protected GL Gl { get; }

    /// <inheritdoc/>
    protected override void DeleteObjects() => Gl.DeleteBuffer(Id);
}
