using NeuralPost.Core;

namespace NeuralPost.Onnx;

/// <summary>
/// A native library loaded but does not offer the C API version this binding was written against,
/// typically because it is an older ONNX Runtime.
/// </summary>
public sealed class OrtApiVersionException : NeuralPostException
{
    /// <summary>Creates the exception.</summary>
    public OrtApiVersionException(string message) : base(message) { }
}
