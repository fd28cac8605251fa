namespace NeuralPost.Core;

/// <summary>Settings of the optional dehaze pass; plain data, validated on set.</summary>
public sealed class DehazeSettings
{
    /// <summary>Manifest id of the dehaze network shipped with the package.</summary>
    public const string DefaultModelId = "dehaze";

    private float _strength = 1f;
    private string _modelId = DefaultModelId;
    private InferenceBackend _backend = InferenceBackend.Auto;
    private TensorStorage _gpuStorage = TensorStorage.Float16;

    /// <summary>Whether the pass runs at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Blend between the input (0) and the network's output (1), so a scene can take only part of the correction.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or NaN.</exception>
    public float Strength
    {
        get => _strength;
        set => _strength = UnitInterval.Require(value, nameof(value));
    }

    /// <summary>Manifest id of the dehaze network.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string ModelId
    {
        get => _modelId;
        set => _modelId = !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException("the dehaze model id must not be blank", nameof(value));
    }

    /// <summary>
    /// What runs the network: <see cref="InferenceBackend.Auto"/> (the default) picks GPU compute on a hardware GPU.
    /// Whatever is chosen, a failure steps down GPU compute, then ONNX Runtime, then pass-through, each step said once.
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

    /// <summary>Whether the pass changes the image: enabled with a non-zero strength.</summary>
    public bool IsActive() => Enabled && _strength > 0f;
}
