using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A vertex array object owning one interleaved float vertex buffer and one 32-bit index buffer.</summary>
internal sealed class GlMesh : GlResource, IMesh
{
    private readonly GL _gl;
    private readonly uint _vertexBuffer;
    private readonly uint _indexBuffer;

    public GlMesh(GlDevice device, ReadOnlySpan<float> vertices, int strideInFloats, ReadOnlySpan<uint> indices, ReadOnlySpan<VertexAttribute> attributes)
        : base(device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideInFloats);
        if (vertices.IsEmpty || indices.IsEmpty || vertices.Length % strideInFloats != 0)
        {
            throw new ArgumentException($"A mesh needs whole vertices of {strideInFloats} floats and at least one index.");
        }

        _gl = device.Gl;
        VertexCount = vertices.Length / strideInFloats;
        IndexCount = indices.Length;
        var vertexArray = _gl.CreateVertexArray();
        VertexArrayId = vertexArray;
        _vertexBuffer = _gl.CreateBuffer();
        _indexBuffer = _gl.CreateBuffer();
        _gl.NamedBufferStorage(_vertexBuffer, vertices, BufferStorageMask.None);
        _gl.NamedBufferStorage(_indexBuffer, indices, BufferStorageMask.None);
        device.CountUpload(((long)vertices.Length * sizeof(float)) + ((long)indices.Length * sizeof(uint)));
        _gl.VertexArrayVertexBuffer(vertexArray, 0, _vertexBuffer, 0, (uint)(strideInFloats * sizeof(float)));
        _gl.VertexArrayElementBuffer(vertexArray, _indexBuffer);
        foreach (var attribute in attributes)
        {
            if (attribute.Components is < 1 or > 4 || attribute.OffsetInFloats < 0 || attribute.OffsetInFloats + attribute.Components > strideInFloats)
            {
                Dispose();
                throw new ArgumentException($"Vertex attribute {attribute} does not fit a {strideInFloats}-float vertex.", nameof(attributes));
            }

            var location = (uint)attribute.Location;
            _gl.EnableVertexArrayAttrib(vertexArray, location);
            _gl.VertexArrayAttribFormat(vertexArray, location, attribute.Components, VertexAttribType.Float, false, (uint)(attribute.OffsetInFloats * sizeof(float)));
            _gl.VertexArrayAttribBinding(vertexArray, location, 0);
        }

        device.CheckError("creating a mesh");
    }

    public uint VertexArrayId { get; }

    public int IndexCount { get; }

    public int VertexCount { get; }

    protected override void DeleteObjects()
    {
        _gl.DeleteVertexArray(VertexArrayId);
        _gl.DeleteBuffers([_vertexBuffer, _indexBuffer]);
    }
}
