using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NeuralPost.Inference;

/// <summary>
/// <see cref="INetworkRunner"/> on ONNX Runtime: one session over a model with one float32 NCHW input and one
/// float32 NCHW output, run through <see cref="OrtIoBinding"/> over pinned, preallocated buffers.
/// </summary>
public sealed class OnnxNetworkRunner : INetworkRunner
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string _inputName;
    private readonly string _outputName;
    private bool _disposed;

    private OnnxNetworkRunner(InferenceSession session, string path, string inputName, string outputName,
        NchwShape inputShape, NchwShape outputShape, ExecutionProviderSelection selection)
    {
        _session = session;
        Path = path;
        _inputName = inputName;
        _outputName = outputName;
        InputShape = inputShape;
        OutputShape = outputShape;
        ProviderSelection = selection;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public NchwShape InputShape { get; }

    /// <inheritdoc/>
    public NchwShape OutputShape { get; }

    /// <inheritdoc/>
    public string ExecutionProvider => ProviderSelection.Appended[0];

    /// <summary>The providers appended (ending with CPU) and those skipped with the reason.</summary>
    public ExecutionProviderSelection ProviderSelection { get; }

    /// <summary>Opens a model file and checks it has one float32 rank-4 input and output.</summary>
    /// <exception cref="ModelLoadException">The file is missing, truncated or corrupt, or ONNX Runtime rejected it.</exception>
    /// <exception cref="ModelContractException">The model's inputs or outputs are not one float32 NCHW tensor each.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">A provider in <paramref name="options"/> could not be appended
    /// and <see cref="RunnerOptions.RequireProviders"/> is set.</exception>
    public static OnnxNetworkRunner Open(OnnxEnvironment environment, string path, RunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= RunnerOptions.Cpu;

        using var sessionOptions = new SessionOptions();
        if (options.IntraOpThreads > 0)
        {
            sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        }

        var selection = ExecutionProviders.Append(sessionOptions, options.Providers, environment.AvailableProviders, options.RequireProviders);
        var session = CreateSession(path, sessionOptions);
        try
        {
            var (inputName, inputShape) = Single(session.InputMetadata, "input", path);
            var (outputName, outputShape) = Single(session.OutputMetadata, "output", path);
            return new OnnxNetworkRunner(session, path, inputName, outputName, inputShape, outputShape, selection);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public NchwShape ProbeOutputShape(NchwShape input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var value = OrtValue.CreateTensorValueFromMemory(new float[input.ElementCount], input.ToArray());
        try
        {
            using var results = _session.Run(_runOptions, [_inputName], [value], [_outputName]);
            var dimensions = results[0].GetTensorTypeAndShape().Shape;
            return NchwShape.FromDimensions(dimensions)
                ?? throw new ModelContractException($"{Path}: a {input} input gave a rank-{dimensions.Length} output; expected NCHW (rank 4)");
        }
        catch (OnnxRuntimeException e)
        {
            throw new InferenceException($"{Path}: running on a {input} input failed: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public IBoundRun Bind(float[] input, NchwShape inputShape, float[] output, NchwShape outputShape)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new OnnxBoundRun(_session, _runOptions, Path, (_inputName, input, inputShape), (_outputName, output, outputShape));
    }

    /// <summary>Releases the session; dispose the bindings made from it first.</summary>
    public void Dispose()
    {
        _disposed = true;
        _session.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>Creates a session; ONNX Runtime's refusal becomes a one-line <see cref="ModelLoadException"/>.</summary>
    internal static InferenceSession CreateSession(string path, SessionOptions options)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "file not found", new FileNotFoundException("Model file not found.", path));
        }

        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            // A truncated or corrupt file ends here as [InvalidProtobuf] or [Fail]; ONNX Runtime's message says which part broke.
            throw new ModelLoadException(path, e.Message, e);
        }
    }

    private static (string Name, NchwShape Shape) Single(IReadOnlyDictionary<string, NodeMetadata> nodes, string kind, string path)
    {
        if (nodes.Count != 1)
        {
            throw new ModelContractException($"{path}: expected 1 {kind}, found {nodes.Count} ({string.Join(", ", nodes.Keys)})");
        }

        var (name, node) = nodes.First();
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            throw new ModelContractException($"{path}: {kind} '{name}' must be a float32 tensor, found {(node.IsTensor ? node.ElementDataType.ToString() : node.OnnxValueType.ToString())}");
        }

        return (name, NchwShape.FromDimensions(node.Dimensions.Select(d => (long)d).ToArray())
            ?? throw new ModelContractException($"{path}: {kind} '{name}' must be NCHW (rank 4), found rank {node.Dimensions.Length}"));
    }
}
