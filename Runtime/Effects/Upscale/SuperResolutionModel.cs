using NeuralPost.Onnx;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// A super-resolution network behind an ONNX Runtime session: checks the model's contract on load, finds its
/// scale, and runs it on reusable per-size buffers.
/// </summary>
public sealed class SuperResolutionModel : IDisposable
{
    private const int ProbeSize = 16;
    private readonly InferenceSession _session;
    private readonly Dictionary<(int Height, int Width), TileBuffers> _buffers = [];
    private readonly RunPlan _plan;
    private readonly OrtValue[] _inputs = new OrtValue[1];
    private readonly OrtValue[] _outputs = new OrtValue[1];
    private bool _disposed;

    private SuperResolutionModel(InferenceSession session, string inputName, string outputName, int scale, string path)
    {
        _session = session;
        _plan = session.CreateRunPlan([inputName], [outputName]);
        Scale = scale;
        Path = path;
    }

    /// <summary>Upscale factor per axis, observed by running the model on a probe input.</summary>
    public int Scale { get; }

    /// <summary>File the model was loaded from.</summary>
    public string Path { get; }

    /// <summary>The underlying session, for metadata.</summary>
    public InferenceSession Session => _session;

    /// <summary>
    /// Loads a model file and checks its contract: one float32 input <c>1x3xHxW</c> with dynamic H and W, one
    /// float32 output, and an integer scale equal on both axes (and equal to <paramref name="expectedScale"/>
    /// when given).
    /// </summary>
    /// <exception cref="ModelContractException">The model does not fit the contract.</exception>
    /// <exception cref="OrtException">ONNX Runtime could not load the model.</exception>
    public static SuperResolutionModel Load(OrtEnvironment environment, string path, SessionOptions? options = null,
        int? expectedScale = null)
    {
        var session = InferenceSession.FromFile(environment, path, options);
        try
        {
            var (inputName, outputName) = CheckSignature(session, path);
            var scale = ProbeScale(session, inputName, outputName, path);
            if (expectedScale is { } expected && expected != scale)
            {
                throw new ModelContractException($"{path}: the manifest says scale {expected}, the model upscales x{scale}");
            }

            return new SuperResolutionModel(session, inputName, outputName, scale, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Returns the buffers for an input of this size, creating them on first use and reusing them afterwards.
    /// </summary>
    public TileBuffers GetBuffers(int height, int width)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (!_buffers.TryGetValue((height, width), out var buffers))
        {
            buffers = new TileBuffers(height, width, Scale);
            _buffers.Add((height, width), buffers);
        }

        return buffers;
    }

    /// <summary>Runs the network from <see cref="TileBuffers.Input"/> into <see cref="TileBuffers.Output"/>.</summary>
    /// <exception cref="OrtException">Inference failed.</exception>
    public void Run(TileBuffers buffers)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffers);
        _inputs[0] = buffers.InputValue;
        _outputs[0] = buffers.OutputValue;
        _plan.Run(_inputs, _outputs);
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
        _plan.Dispose();
        _session.Dispose();
    }

    private static (string Input, string Output) CheckSignature(InferenceSession session, string path)
    {
        if (session.Inputs.Count != 1 || session.Outputs.Count != 1)
        {
            throw new ModelContractException(
                $"{path}: expected 1 input and 1 output, found {session.Inputs.Count} and {session.Outputs.Count}");
        }

        var input = session.Inputs[0];
        var output = session.Outputs[0];
        if (input.ElementType != TensorElementType.Float || output.ElementType != TensorElementType.Float)
        {
            throw new ModelContractException(
                $"{path}: expected float32 tensors, input '{input.Name}' is {input.ElementType} and output '{output.Name}' is {output.ElementType}");
        }

        var shape = input.Shape;
        var fits = shape.Length == 4 && (shape[0] is 1 or -1) && shape[1] == 3 && shape[2] == -1 && shape[3] == -1;
        if (!fits)
        {
            throw new ModelContractException(
                $"{path}: input '{input.Name}' must be 1x3xHxW with dynamic H and W, found {FormatShape(input)}");
        }

        return (input.Name, output.Name);
    }

    private static int ProbeScale(InferenceSession session, string inputName, string outputName, string path)
    {
        var probe = new float[3 * ProbeSize * ProbeSize];
        using var input = OrtValue.CreateTensor(probe, [1, 3, ProbeSize, ProbeSize]);
        var outputs = session.Run([inputName], [input], [outputName]);
        try
        {
            var shape = outputs[0].GetShape();
            var scale = shape.Length == 4 ? shape[2] / ProbeSize : 0;
            var valid = shape.Length == 4 && shape[0] == 1 && shape[1] == 3 && scale >= 1
                && shape[2] == scale * ProbeSize && shape[3] == scale * ProbeSize;
            if (!valid)
            {
                throw new ModelContractException(
                    $"{path}: a 1x3x{ProbeSize}x{ProbeSize} input gave output {string.Join('x', shape)}; expected 1x3x(s*{ProbeSize})x(s*{ProbeSize})");
            }

            return (int)scale;
        }
        finally
        {
            foreach (var value in outputs)
            {
                value.Dispose();
            }
        }
    }

    private static string FormatShape(NodeInfo node) =>
        string.Join('x', node.Shape.Select((d, i) =>
            d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : node.SymbolicDimensions.Length > i && node.SymbolicDimensions[i].Length > 0 ? node.SymbolicDimensions[i] : "?"));
}
