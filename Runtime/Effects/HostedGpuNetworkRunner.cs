using System.Runtime.InteropServices;
using NeuralPost.Graphics;
using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// An <see cref="IGpuNetworkRunner"/> behind the host-array <see cref="INetworkRunner"/> interface, so offline tools
/// (tiled upscaling, evaluation, the dehaze command) can run the GPU-compute backend through
/// <see cref="ImageNetwork.FromRunner"/>. Each run uploads the input, records the plan and reads the output back:
/// right for images on disk, never used on the frame path, which keeps tensors on the GPU.
/// </summary>
/// <remarks>Not thread-safe; use it on the thread that owns the device's context.</remarks>
public sealed class HostedGpuNetworkRunner : INetworkRunner
{
    private readonly IGpuNetworkRunner _runner;
    private readonly IGraphicsDevice _device;
    private readonly IDisposable? _ownedDevice;
    private bool _disposed;

    /// <summary>Wraps <paramref name="runner"/> (owned from then on) on <paramref name="device"/>.</summary>
    /// <param name="runner">The GPU-compute network.</param>
    /// <param name="device">The device the runner was opened on.</param>
    /// <param name="ownsDevice">Whether disposing this runner disposes the device too (after the runner).</param>
    public HostedGpuNetworkRunner(IGpuNetworkRunner runner, IGraphicsDevice device, bool ownsDevice)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(device);
        _runner = runner;
        _device = device;
        _ownedDevice = ownsDevice ? device : null;
    }

    /// <inheritdoc/>
    public NchwShape InputShape => _runner.InputShape;

    /// <inheritdoc/>
    public NchwShape OutputShape => _runner.OutputShape;

    /// <inheritdoc/>
    public string ExecutionProvider => _runner.Description;

    /// <inheritdoc/>
    public NchwShape ProbeOutputShape(NchwShape input) => _runner.OutputShapeFor(input);

    /// <inheritdoc/>
    public IBoundRun Bind(float[] input, NchwShape inputShape, float[] output, NchwShape outputShape)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Length != inputShape.ElementCount || output.Length != outputShape.ElementCount)
        {
            throw new ArgumentException($"buffers of {input.Length} and {output.Length} floats do not fit {inputShape} -> {outputShape}");
        }

        return new HostedRun(_runner, _device, input, inputShape, output, outputShape);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _runner.Dispose();
        _ownedDevice?.Dispose();
    }

    private sealed class HostedRun : IBoundRun
    {
        private readonly float[] _input;
        private readonly float[] _output;
        private readonly IStorageBuffer _inputBuffer;
        private readonly IStorageBuffer _outputBuffer;
        private readonly IGpuBoundRun _run;

        public HostedRun(IGpuNetworkRunner runner, IGraphicsDevice device, float[] input, NchwShape inputShape, float[] output, NchwShape outputShape)
        {
            _input = input;
            _output = output;
            _inputBuffer = device.CreateStorageBuffer(checked(input.Length * sizeof(float)));
            try
            {
                _outputBuffer = device.CreateStorageBuffer(checked(output.Length * sizeof(float)));
                _run = runner.Bind(_inputBuffer, inputShape, _outputBuffer);
                if (_run.OutputShape != outputShape)
                {
                    throw new ModelContractException($"the GPU plan for {inputShape} writes {_run.OutputShape}, not {outputShape}");
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public void Run()
        {
            _inputBuffer.Upload(MemoryMarshal.AsBytes(_input.AsSpan()));
            _run.Record();
            _outputBuffer.Download(MemoryMarshal.AsBytes(_output.AsSpan())); // waits for the plan
        }

        public void Dispose()
        {
            _run?.Dispose();
            _inputBuffer?.Dispose();
            _outputBuffer?.Dispose();
        }
    }
}
