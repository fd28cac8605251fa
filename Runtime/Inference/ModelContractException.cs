using NeuralPost.Core;

namespace NeuralPost.Inference;

/// <summary>
/// A model loaded but its signature is not what the caller feeds it: wrong number of inputs or outputs, a rank
/// other than 4 (NCHW), an element type other than float32, the wrong channel count, or the wrong scale.
/// The message is one line and names the model file.
/// </summary>
public sealed class ModelContractException : NeuralPostException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ModelContractException(string message) : base(message) { }
}
