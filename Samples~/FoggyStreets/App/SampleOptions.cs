using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>How the sample starts; every toggle can still be changed while it runs.</summary>
public sealed record SampleOptions
{
    /// <summary>The default output size, a quarter of 1080p so a CPU-only machine still runs the networks.</summary>
    public static readonly Size DefaultOutputSize = new(960, 540);

    /// <summary>Size of the final image (the window's client area, or the headless frames).</summary>
    public Size OutputSize { get; init; } = DefaultOutputSize;

    /// <summary>Upscale tier; Performance renders 480x270 for a 960x540 output.</summary>
    public UpscaleTier Tier { get; init; } = UpscaleTier.Performance;

    /// <summary>Whether the dehaze pass runs.</summary>
    public bool Dehaze { get; init; }

    /// <summary>Where the dehaze pass sits: before the upscaler at render resolution (default) or after it at output resolution.</summary>
    public DehazePlacement DehazePlacement { get; init; } = DehazePlacement.Render;

    /// <summary>Whether the split view (left: bilinear or hazy, right: the neural result) is shown.</summary>
    public bool Split { get; init; }

    /// <summary>Whether the text overlay (tier, sizes, model, pass timings, FPS) is drawn.</summary>
    public bool Overlay { get; init; } = true;

    /// <summary>
    /// What runs the upscaler's and the dehaze pass's networks; <see cref="InferenceBackend.Auto"/> picks GPU compute
    /// on a hardware GPU. When it resolves to GPU compute the sample prepares the passes' plans before the first frame.
    /// </summary>
    public InferenceBackend Backend { get; init; } = InferenceBackend.Auto;

    /// <summary>How GPU compute stores the networks' intermediate tensors (both passes); ONNX Runtime ignores it.</summary>
    public TensorStorage GpuStorage { get; init; } = TensorStorage.Float16;

    /// <summary>Scene options (fog, time of day, seeds).</summary>
    public SceneOptions Scene { get; init; } = new();
}
