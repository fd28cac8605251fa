namespace NeuralPost.Core;

/// <summary>
/// The neural upscaler's settings, plain data in the manner of a URP volume component. Setters validate, so an
/// instance is always usable.
/// </summary>
public sealed class NeuralUpscalerSettings
{
    private UpscaleTier _tier = UpscaleTier.Quality;
    private float _sharpenAmount;
    private FallbackPolicy _fallbackPolicy = FallbackPolicy.GpuThenCpuThenBilinear;
    private string? _modelId;
    private InferenceBackend _backend = InferenceBackend.Auto;
    private TensorStorage _gpuStorage = TensorStorage.Float16;

    /// <summary>Quality tier; decides the render resolution and, unless <see cref="ModelId"/> is set, the network.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined tier.</exception>
    public UpscaleTier Tier
    {
        get => _tier;
        set => _tier = DefinedEnum.Require(value, "upscale tier");
    }

    /// <summary>Strength of the sharpen applied after upscaling, in [0, 1]; 0 turns it off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or NaN.</exception>
    public float SharpenAmount
    {
        get => _sharpenAmount;
        set => _sharpenAmount = UnitInterval.Require(value, nameof(value));
    }

    /// <summary>Which inference paths to try, in order, before the bilinear fallback.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy.</exception>
    public FallbackPolicy FallbackPolicy
    {
        get => _fallbackPolicy;
        set => _fallbackPolicy = DefinedEnum.Require(value, "fallback policy");
    }

    /// <summary>
    /// What runs the network: <see cref="InferenceBackend.Auto"/> (the default) picks GPU compute on a hardware GPU.
    /// Whatever is chosen, a failure steps down GPU compute, then ONNX Runtime, then the bilinear upscale, each step said once.
    /// Auto with <see cref="FallbackPolicy.CpuThenBilinear"/> never picks GPU compute: that policy keeps the GPU for the game.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined backend.</exception>
    public InferenceBackend Backend
    {
        get => _backend;
        set => _backend = DefinedEnum.Require(value, "inference backend");
    }

    /// <summary>
    /// How GPU compute stores the network's intermediate tensors: <see cref="TensorStorage.Float16"/> (the default:
    /// half the activation memory and traffic, Set5 equal to fp32 within 0.01 dB on the networks measured) or
    /// <see cref="TensorStorage.Float32"/> (results equal to ONNX Runtime's to fp32 rounding). ONNX Runtime ignores it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined storage.</exception>
    public TensorStorage GpuStorage
    {
        get => _gpuStorage;
        set => _gpuStorage = DefinedEnum.Require(value, "tensor storage");
    }

    /// <summary>
    /// Manifest id of a network to use instead of the tier's, or null for the tier's own. The tier still decides
    /// the render resolution; an override with a different scale is resampled like Quality is.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or white space (use null for "none").</exception>
    public string? ModelId
    {
        get => _modelId;
        set => _modelId = value is null || !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException("a model id override must not be blank; use null for the tier's model", nameof(value));
    }

    /// <summary>The network this configuration runs: the override if set, else the tier's (null for Native).</summary>
    public string? ResolveModelId() => _modelId ?? UpscaleTiers.GetModelId(_tier);

    /// <summary>The resolution the camera should render at for a display size.</summary>
    public Size GetRenderResolution(Size output) => UpscaleTiers.GetRenderResolution(output, _tier);

    /// <summary>
    /// Whether the pass does anything: it does unless it is Native with no sharpen and no model override, in which
    /// case the host can skip it and save a copy.
    /// </summary>
    public bool IsActive() => _tier != UpscaleTier.Native || _sharpenAmount > 0f || _modelId is not null;
}
