using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>A compiled plan bound to its input and output buffers; owns its intermediate and parameter buffers.</summary>
internal sealed class GpuBoundRun : IGpuBoundRun
{
    private const string ParameterBase = "paramBase";
    private readonly IGraphicsDevice _device;
    private readonly PlanStep[] _steps;
    private readonly List<IStorageBuffer> _buffers;
    private bool _disposed;

    public GpuBoundRun(IGraphicsDevice device, PlanStep[] steps, List<IStorageBuffer> buffers, NchwShape inputShape, NchwShape outputShape, long multiplyAdds)
    {
        MultiplyAdds = multiplyAdds;
        _device = device;
        _steps = steps;
        _buffers = buffers;
        InputShape = inputShape;
        OutputShape = outputShape;
    }

    public NchwShape InputShape { get; }

    public bool IsDisposed => _disposed;

    public NchwShape OutputShape { get; }

    /// <summary>Multiply-adds of one run's convolutions; GFLOP per run is 2e-9 times this.</summary>
    public long MultiplyAdds { get; }

    /// <summary>Dispatches per run.</summary>
    public int StepCount => _steps.Length;

    /// <summary>Bytes of intermediate and parameter buffers this run holds.</summary>
    public long BufferBytes => _buffers.Sum(b => (long)b.ByteSize);

    /// <summary>The dispatches, for per-step timings.</summary>
    internal IReadOnlyList<PlanStep> Steps => _steps;

    public void Record()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var step in _steps)
        {
            Record(step);
        }
    }

    /// <summary>Records one dispatch of the plan.</summary>
    internal void Record(PlanStep step)
    {
        var buffers = step.Buffers;
        for (var binding = 0; binding < buffers.Length; binding++)
        {
            _device.BindStorageBuffer(binding, buffers[binding]);
        }

        step.Program.SetUniform(ParameterBase, step.ParameterBase);
        _device.Dispatch(step.Program, step.Groups.X, step.Groups.Y, step.Groups.Z);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _buffers.ForEach(b => b.Dispose());
    }
}
