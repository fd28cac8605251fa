namespace NeuralPost.Core;

/// <summary>
/// What a network sees beyond the image's edges. Networks are convolutions with zero padding; at an image border
/// that zero reads as a black frame, so the runtime extends the image by <see cref="EdgePadding.Border"/> pixels
/// of its own content first and crops the result.
/// </summary>
public enum EdgeMode
{
    /// <summary>Repeat the edge pixels outwards (clamp-to-edge addressing). Right for frames and photographs.</summary>
    Replicate,

    /// <summary>Continue with the opposite edge (repeat addressing), so a tileable texture stays tileable.</summary>
    Wrap,
}
