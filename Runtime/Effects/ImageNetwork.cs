using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// An image-to-image network behind an <see cref="INetworkRunner"/>: RGB in, RGB out, the output an integer scale s
/// of the input per axis (s &gt; 1 for super-resolution, s = 1 for the dehaze network). Checks that contract on load,
/// finds s by a probe run, and runs on reusable per-size <see cref="NetworkBuffers"/>.
/// </summary>
public sealed class ImageNetwork : IDisposable
{
    private const int ProbeSize = 16;
    private readonly INetworkRunner _runner;
    private readonly Dictionary<(int Height, int Width), NetworkBuffers> _buffers = [];
    private bool _disposed;

    private ImageNetwork(INetworkRunner runner, int scale, string path)
    {
        _runner = runner;
        Scale = scale;
        Path = path;
    }

    /// <summary>Upscale factor per axis, observed by running the model on a probe input.</summary>
    public int Scale { get; }

    /// <summary>File the model was loaded from.</summary>
    public string Path { get; }

    /// <summary>The execution provider the network runs on, e.g. <c>CPUExecutionProvider</c>.</summary>
    public string ExecutionProvider => _runner.ExecutionProvider;

    /// <summary>The runner, for its declared shapes.</summary>
    public INetworkRunner Runner => _runner;

    /// <summary>
    /// Loads a model file on ONNX Runtime and checks its contract: one float32 input <c>1x3xHxW</c> with dynamic H and
    /// W, one float32 <c>1x3x(sH)x(sW)</c> output, and an integer scale s (equal to <paramref name="expectedScale"/> when given).
    /// </summary>
    /// <exception cref="ModelLoadException">The file is missing, truncated or corrupt.</exception>
    /// <exception cref="ModelContractException">The model does not fit the contract.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">A provider <paramref name="options"/> requires is unavailable.</exception>
    public static ImageNetwork Load(OnnxEnvironment environment, string path, RunnerOptions? options = null, int? expectedScale = null) =>
        FromRunner(OnnxNetworkRunner.Open(environment, path, options), path, expectedScale);

    /// <summary>Wraps a runner (owned from then on, disposed on failure) after checking the contract as <see cref="Load"/> does.</summary>
    /// <exception cref="ModelContractException">The model does not fit the contract.</exception>
    /// <exception cref="InferenceException">The probe run failed.</exception>
    public static ImageNetwork FromRunner(INetworkRunner runner, string path, int? expectedScale = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        try
        {
            return new ImageNetwork(runner, CheckContract(runner.InputShape, runner.ProbeOutputShape, path, expectedScale), path);
        }
        catch
        {
            runner.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Returns the buffers for an input of this size, creating and binding them on first use and reusing them afterwards.
    /// </summary>
    /// <exception cref="Core.SizeLimitException">A tensor would exceed <see cref="Imaging.TensorLimits.MaxBoundTensorBytes"/>.</exception>
    public NetworkBuffers GetBuffers(int height, int width)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (!_buffers.TryGetValue((height, width), out var buffers))
        {
            buffers = new NetworkBuffers(height, width, Scale, _runner);
            _buffers.Add((height, width), buffers);
        }

        return buffers;
    }

    /// <summary>Runs the network from <see cref="NetworkBuffers.Input"/> into <see cref="NetworkBuffers.Output"/>; allocates nothing.</summary>
    /// <exception cref="InferenceException">Inference failed.</exception>
    public void Run(NetworkBuffers buffers)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffers);
        buffers.Binding.Run();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var buffers in _buffers.Values)
        {
            buffers.Dispose();
        }

        _buffers.Clear();
        _runner.Dispose();
    }

    /// <summary>
    /// Checks the image-to-image contract from a network's declared input and the output it gives a probe input
    /// (however the backend finds it: a run, or shape inference), and returns the scale.
    /// </summary>
    /// <exception cref="ModelContractException">The model does not fit the contract or <paramref name="expectedScale"/>.</exception>
    internal static int CheckContract(NchwShape input, Func<NchwShape, NchwShape> outputFor, string path, int? expectedScale)
    {
        if (!(input.N is 1 or NchwShape.Dynamic && input.C == 3 && input.H == NchwShape.Dynamic && input.W == NchwShape.Dynamic))
        {
            throw new ModelContractException($"{path}: the input must be 1x3xHxW with dynamic H and W, found {input}");
        }

        var shape = outputFor(NchwShape.Rgb(ProbeSize, ProbeSize));
        var scale = shape.H / ProbeSize;
        if (!(shape.N == 1 && shape.C == 3 && scale >= 1 && shape.H == scale * ProbeSize && shape.W == scale * ProbeSize))
        {
            throw new ModelContractException($"{path}: a 1x3x{ProbeSize}x{ProbeSize} input gave output {shape}; expected 1x3x(s*{ProbeSize})x(s*{ProbeSize})");
        }

        if (expectedScale is { } expected && expected != scale)
        {
            throw new ModelContractException($"{path}: the manifest says scale {expected}, the model upscales x{scale}");
        }

        return (int)scale;
    }
}
