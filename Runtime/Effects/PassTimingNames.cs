namespace NeuralPost.Effects;

/// <summary>
/// The names the neural passes report their stages under in <see cref="Hosting.PassTimings"/>, for overlays and
/// benchmarks that look them up. A stage reports only in frames where it runs.
/// </summary>
public static class PassTimingNames
{
    /// <summary>Frame texture to input tensor (GPU compute).</summary>
    public const string ImageToTensor = "image->tensor";

    /// <summary>Input tensor to CPU memory through the readback buffer, including the wait for it.</summary>
    public const string Readback = "readback";

    /// <summary>The network on the CPU execution provider (no GPU time).</summary>
    public const string Inference = "inference";

    /// <summary>Network output from CPU memory into the output tensor's storage buffer.</summary>
    public const string Upload = "upload";

    /// <summary>Output tensor to the network-output image (GPU compute).</summary>
    public const string TensorToImage = "tensor->image";

    /// <summary>Bilinear resample to the output size: the network's output for Quality and Balanced, or the whole bilinear fallback.</summary>
    public const string Resample = "resample";

    /// <summary>Contrast-adaptive sharpen.</summary>
    public const string Sharpen = "sharpen";

    /// <summary>The whole dehaze pass.</summary>
    public const string Dehaze = "dehaze";
}
