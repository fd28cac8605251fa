using NeuralPost.Core;

namespace NeuralPost.Graphics;

/// <summary>A graphics API call failed (an error flag, an incomplete framebuffer, a failed allocation).</summary>
public class GraphicsException : NeuralPostException
{
    /// <summary>Creates an exception with a message.</summary>
    public GraphicsException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public GraphicsException(string message, Exception innerException) : base(message, innerException) { }
}
