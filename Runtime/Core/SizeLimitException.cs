namespace NeuralPost.Core;

/// <summary>
/// A size computed from the inputs (an output image, a tensor, a buffer) would exceed a stated limit. Raised before
/// anything of that size is allocated or any work is done, so an absurd request fails at once and says why.
/// </summary>
public sealed class SizeLimitException : NeuralPostException
{
    /// <summary>Creates an exception whose message names the size and the limit it broke.</summary>
    public SizeLimitException(string message) : base(message) { }
}
