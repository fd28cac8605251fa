using NeuralPost.Core;

namespace NeuralPost.Graphics;

/// <summary>
/// No usable graphics device could be created: a native library is missing, there is no display, or the
/// driver offers no context new enough. The message names the library or call that failed, in one line.
/// </summary>
public sealed class GraphicsUnavailableException : NeuralPostException
{
    /// <summary>Creates an exception with a message.</summary>
    public GraphicsUnavailableException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public GraphicsUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
