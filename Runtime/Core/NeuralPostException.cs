namespace NeuralPost.Core;

/// <summary>
/// Base type of every error NeuralPost raises on purpose. Front ends (the CLI, the component) catch this
/// type to report a one-line message instead of a stack trace.
/// </summary>
public class NeuralPostException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public NeuralPostException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public NeuralPostException(string message, Exception innerException) : base(message, innerException) { }
}
