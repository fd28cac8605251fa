using NeuralPost.Core;

namespace NeuralPost.Onnx;

/// <summary>
/// The ONNX Runtime native library could not be found or loaded. The message lists where NeuralPost looked
/// and how to install the library.
/// </summary>
public sealed class OrtLibraryNotFoundException : NeuralPostException
{
    /// <summary>Creates the exception.</summary>
    public OrtLibraryNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception with the load error that caused it.</summary>
    public OrtLibraryNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
