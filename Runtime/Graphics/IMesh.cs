namespace NeuralPost.Graphics;

/// <summary>Interleaved float vertices, 32-bit indices and their attribute layout, drawn as triangles.</summary>
public interface IMesh : IDisposable
{
    /// <summary>Number of indices.</summary>
    int IndexCount { get; }

    /// <summary>Number of vertices.</summary>
    int VertexCount { get; }
}
