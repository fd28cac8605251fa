using NeuralPost.Core;
using System.Runtime.InteropServices;
using NeuralPost.Effects;
using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// An imported, fused network on one device: its float constants in one storage buffer (uploaded once), its
/// kernels compiled on first use and shared by every plan, and <see cref="Bind"/> compiling plans per size.
/// </summary>
internal sealed class GpuNetwork : IGpuNetworkRunner
{
    /// <summary>The size plans are tried at when the model loads, so unsupported attributes fail there, not on a frame.</summary>
    private static readonly NchwShape ProbeSize = new(1, 3, 64, 64);

    /// <summary>Declares every kernel's tensor bindings and their fp32 or fp16 accessors.</summary>
    private const string TensorStoragePrelude = "Inference/tensor_storage.glsl";

    private readonly IGraphicsDevice _device;
    private readonly NetworkGraph _graph;
    private readonly Dictionary<string, int> _weightOffsets;
    private readonly IStorageBuffer _weights;
    private readonly Dictionary<string, IComputeProgram> _programs = new(StringComparer.Ordinal);
    private readonly List<GpuBoundRun> _runs = [];
    private readonly bool _directConvolution;
    private readonly TensorStorage _storage;
    private bool _disposed;

    private GpuNetwork(IGraphicsDevice device, NetworkGraph graph, Dictionary<string, int> weightOffsets, IStorageBuffer weights,
        bool directConvolution, TensorStorage storage)
    {
        _storage = storage;
        _directConvolution = directConvolution;
        _device = device;
        _graph = graph;
        _weightOffsets = weightOffsets;
        _weights = weights;
    }

    public NchwShape InputShape => _graph.InputShape;

    public NchwShape OutputShape => _graph.OutputShape;

    public string Description =>
        $"GPU compute ({(_storage == TensorStorage.Float16 ? "fp16 storage" : "fp32")}{(_directConvolution ? ", direct convolution" : "")})";

    /// <summary>The imported graph after fusion (for tests and diagnostics).</summary>
    internal NetworkGraph Graph => _graph;

    /// <exception cref="ModelLoadException">The graph needs a feature the kernels lack.</exception>
    public static GpuNetwork Create(IGraphicsDevice device, NetworkGraph graph, bool directConvolution, TensorStorage storage)
    {
        var probe = new NchwShape(1, graph.InputShape.C >= 0 ? graph.InputShape.C : 3,
            graph.InputShape.H >= 0 ? graph.InputShape.H : ProbeSize.H, graph.InputShape.W >= 0 ? graph.InputShape.W : ProbeSize.W);
        try
        {
            new PlanBuilder(graph, AllFloatOffsets(graph, out _), probe).Build();
        }
        catch (UnsupportedGraphException exception)
        {
            throw new ModelLoadException(graph.Path, exception.Message, exception);
        }

        var offsets = AllFloatOffsets(graph, out var packed);
        var weights = device.CreateStorageBuffer(Math.Max(packed.Count, 1) * sizeof(float));
        try
        {
            weights.Upload(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(packed)));
        }
        catch
        {
            weights.Dispose();
            throw;
        }

        return new GpuNetwork(device, graph, offsets, weights, directConvolution, storage);
    }

    public NchwShape OutputShapeFor(NchwShape input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var output = Build(input, null, null, out _);
        return new NchwShape(1, output.C, output.H, output.W);
    }

    public IGpuBoundRun Bind(IStorageBuffer input, NchwShape inputShape, IStorageBuffer output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var outputView = Build(inputShape, input, output, out var plan);
        CheckSize(input, inputShape.ElementCount, nameof(input));
        CheckSize(output, outputView.Count, nameof(output));
        var run = PlanCompiler.Compile(_device, plan, outputView, inputShape, Program, _weights, _storage);
        _runs.RemoveAll(r => r.IsDisposed);
        _runs.Add(run);
        return run;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _runs.ForEach(r => r.Dispose());
        foreach (var program in _programs.Values)
        {
            program.Dispose();
        }

        _weights.Dispose();
    }

    private TensorView Build(NchwShape input, IStorageBuffer? inputBuffer, IStorageBuffer? outputBuffer, out PlanBuilder plan)
    {
        plan = new PlanBuilder(_graph, _weightOffsets, input, inputBuffer, outputBuffer, _directConvolution);
        try
        {
            return plan.Build();
        }
        catch (UnsupportedGraphException exception)
        {
            throw new ModelContractException($"{_graph.Path}: {exception.Message}");
        }
    }

    private IComputeProgram Program(StepSpec step, IReadOnlyList<string> storageDefines)
    {
        string[] defines = [.. step.Defines, .. storageDefines];
        var key = defines.Length == 0 ? step.Kernel : $"{step.Kernel} [{string.Join(", ", defines)}]";
        if (!_programs.TryGetValue(key, out var program))
        {
            program = ShaderLibrary.CompileWithPrelude(_device, step.Kernel, TensorStoragePrelude, defines);
            _programs[key] = program;
        }

        return program;
    }

    private static void CheckSize(IStorageBuffer buffer, long floats, string name)
    {
        if (buffer.ByteSize < floats * sizeof(float))
        {
            throw new ArgumentException($"the {name} buffer holds {buffer.ByteSize} bytes; the tensor needs {floats * sizeof(float)}", name);
        }
    }

    /// <summary>Every float constant packed end to end, and where each starts (in floats).</summary>
    private static Dictionary<string, int> AllFloatOffsets(NetworkGraph graph, out List<float> packed)
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        packed = [];
        foreach (var (name, tensor) in graph.Constants.Where(c => c.Value.IsFloat))
        {
            offsets[name] = packed.Count;
            packed.AddRange(tensor.Floats!);
        }

        return offsets;
    }
}
