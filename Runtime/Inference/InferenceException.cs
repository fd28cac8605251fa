using NeuralPost.Core;

namespace NeuralPost.Inference;

/// <summary>A network failed to run (ONNX Runtime rejected the inputs or failed inside). The message is one line.</summary>
public class InferenceException : NeuralPostException
{
    /// <summary>Creates the exception with a one-line message and the runtime's error.</summary>
    public InferenceException(string message, Exception innerException) : base(OneLine.Of(message), innerException) { }
}
