using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A vertex array object owning one interleaved float vertex buffer and one 32-bit index buffer.</summary>
internal sealed unsafe class GlMesh : GlResource, IMesh
{
    private readonly GlFunctions _gl;
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
        uint vertexArray, vertexBuffer, indexBuffer;
        _gl.CreateVertexArrays(1, &vertexArray);
        _gl.CreateBuffers(1, &vertexBuffer);
        _gl.CreateBuffers(1, &indexBuffer);
        VertexArrayId = vertexArray;
        _vertexBuffer = vertexBuffer;
        _indexBuffer = indexBuffer;
        fixed (float* v = vertices)
        fixed (uint* i = indices)
        {
            _gl.NamedBufferStorage(vertexBuffer, (nint)vertices.Length * sizeof(float), v, 0);
            _gl.NamedBufferStorage(indexBuffer, (nint)indices.Length * sizeof(uint), i, 0);
        }

        _gl.VertexArrayVertexBuffer(vertexArray, 0, vertexBuffer, 0, strideInFloats * sizeof(float));
        _gl.VertexArrayElementBuffer(vertexArray, indexBuffer);
        foreach (var attribute in attributes)
        {
            if (attribute.Components is < 1 or > 4 || attribute.OffsetInFloats < 0 || attribute.OffsetInFloats + attribute.Components > strideInFloats)
            {
                Dispose();
                throw new ArgumentException($"Vertex attribute {attribute} does not fit a {strideInFloats}-float vertex.", nameof(attributes));
            }

            var location = (uint)attribute.Location;
            _gl.EnableVertexArrayAttrib(vertexArray, location);
            _gl.VertexArrayAttribFormat(vertexArray, location, attribute.Components, GL_FLOAT, 0, (uint)(attribute.OffsetInFloats * sizeof(float)));
            _gl.VertexArrayAttribBinding(vertexArray, location, 0);
        }

        device.CheckError("creating a mesh");
    }

    public uint VertexArrayId { get; }

    public int IndexCount { get; }

    public int VertexCount { get; }

    protected override void DeleteObjects()
    {
        var vertexArray = VertexArrayId;
        _gl.DeleteVertexArrays(1, &vertexArray);
        Span<uint> buffers = [_vertexBuffer, _indexBuffer];
        fixed (uint* b = buffers)
        {
            _gl.DeleteBuffers(2, b);
        }
    }
}
