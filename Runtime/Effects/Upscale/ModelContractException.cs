using NeuralPost.Core;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// A model loaded but does not take and give what NeuralPost feeds it: one float32 tensor
/// <c>1x3xHxW</c> (RGB in [0,1]) in, one <c>1x3x(sH)x(sW)</c> out.
/// </summary>
public sealed class ModelContractException : NeuralPostException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ModelContractException(string message) : base(message) { }
}
