using System.Numerics;
using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// Accumulates flat-shaded triangles in the layout city.vert reads: position, normal, colour, surface kind.
/// </summary>
internal sealed class MeshBuilder
{
    public const int Stride = 10;

    private readonly List<float> _vertices = [];
    private readonly List<uint> _indices = [];

    public static VertexAttribute[] Attributes { get; } =
    [
        new(0, 3, 0),
        new(1, 3, 3),
        new(2, 3, 6),
        new(3, 1, 9),
    ];

    public int VertexCount => _vertices.Count / Stride;

    public int IndexCount => _indices.Count;

    public ReadOnlySpan<float> Vertices => CollectionsMarshal.AsSpan(_vertices);

    public ReadOnlySpan<uint> Indices => CollectionsMarshal.AsSpan(_indices);

    /// <summary>Adds a planar quad a, b, c, d (counter-clockwise seen from the normal's side).</summary>
    public void AddQuad(Vector3 a, Vector3 b, Vector3 c, Vector3 d, Vector3 normal, Vector3 color, SurfaceKind kind)
    {
        var first = (uint)VertexCount;
        AddVertex(a, normal, color, kind);
        AddVertex(b, normal, color, kind);
        AddVertex(c, normal, color, kind);
        AddVertex(d, normal, color, kind);
        _indices.AddRange([first, first + 1, first + 2, first, first + 2, first + 3]);
    }

    /// <summary>Adds an axis-aligned box without its bottom face, which always rests on something.</summary>
    public void AddBox(Vector3 min, Vector3 max, Vector3 color, SurfaceKind kind)
    {
        var (x0, y0, z0) = (min.X, min.Y, min.Z);
        var (x1, y1, z1) = (max.X, max.Y, max.Z);
        AddQuad(new(x0, y1, z0), new(x0, y1, z1), new(x1, y1, z1), new(x1, y1, z0), Vector3.UnitY, color, kind);
        AddQuad(new(x0, y0, z1), new(x1, y0, z1), new(x1, y1, z1), new(x0, y1, z1), Vector3.UnitZ, color, kind);
        AddQuad(new(x1, y0, z0), new(x0, y0, z0), new(x0, y1, z0), new(x1, y1, z0), -Vector3.UnitZ, color, kind);
        AddQuad(new(x1, y0, z1), new(x1, y0, z0), new(x1, y1, z0), new(x1, y1, z1), Vector3.UnitX, color, kind);
        AddQuad(new(x0, y0, z0), new(x0, y0, z1), new(x0, y1, z1), new(x0, y1, z0), -Vector3.UnitX, color, kind);
    }

    /// <summary>Adds an open cone (a pyramid of <paramref name="sides"/> faces) standing on <paramref name="baseCenter"/>.</summary>
    public void AddCone(Vector3 baseCenter, float radius, float height, int sides, Vector3 color, SurfaceKind kind)
    {
        var apex = baseCenter + new Vector3(0, height, 0);
        for (var i = 0; i < sides; i++)
        {
            var a0 = MathF.Tau * i / sides;
            var a1 = MathF.Tau * (i + 1) / sides;
            var p0 = baseCenter + new Vector3(MathF.Cos(a0) * radius, 0, -MathF.Sin(a0) * radius);
            var p1 = baseCenter + new Vector3(MathF.Cos(a1) * radius, 0, -MathF.Sin(a1) * radius);
            var normal = Vector3.Normalize(Vector3.Cross(p1 - p0, apex - p0));
            var first = (uint)VertexCount;
            AddVertex(p0, normal, color, kind);
            AddVertex(p1, normal, color, kind);
            AddVertex(apex, normal, color, kind);
            _indices.AddRange([first, first + 1, first + 2]);
        }
    }

    public IMesh Upload(IGraphicsDevice device) => device.CreateMesh(Vertices, Stride, Indices, Attributes);

    private void AddVertex(Vector3 position, Vector3 normal, Vector3 color, SurfaceKind kind)
    {
        _vertices.AddRange([position.X, position.Y, position.Z, normal.X, normal.Y, normal.Z, color.X, color.Y, color.Z, (float)kind]);
    }
}
