using System.Runtime.InteropServices;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;
using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// The GPU side of one network input size: the input and output tensors' storage buffers, and either (ONNX Runtime)
/// the readback buffer that brings the input to the CPU plus the network's pinned CPU tensors, or (GPU compute) the
/// plan bound to the two buffers and its output check. Created once per size and reused every frame, so a frame
/// allocates nothing; on the GPU-compute path nothing crosses between host and device either.
/// </summary>
internal sealed class NetworkTensors : IDisposable
{
    private readonly IStorageBuffer _input;
    private readonly IStorageBuffer _output;
    private readonly IReadbackBuffer? _readback;
    private readonly IGpuBoundRun? _run;
    private readonly OutputCheck? _check;

    /// <summary>Tensors for the ONNX Runtime path: the input goes to the CPU and the output comes back.</summary>
    public NetworkTensors(IGraphicsDevice device, TensorLayout input, int scale, NetworkBuffers buffers)
    {
        if (buffers.Width != input.TensorWidth || buffers.Height != input.TensorHeight || buffers.Scale != scale)
        {
            throw new ArgumentException(
                $"tile buffers for {buffers.Width}x{buffers.Height} x{buffers.Scale} do not fit a {input.TensorWidth}x{input.TensorHeight} x{scale} tensor",
                nameof(buffers));
        }

        InputLayout = input;
        OutputLayout = input.Scaled(scale);
        Buffers = buffers;
        Owner = buffers;
        _input = device.CreateStorageBuffer(input.ByteSize);
        try
        {
            _readback = device.CreateReadbackBuffer(input.ByteSize);
            _output = device.CreateStorageBuffer(OutputLayout.ByteSize);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Tensors for the GPU-compute path: compiles <paramref name="network"/>'s plan for this size and binds it to the
    /// two buffers, so a frame is image->tensor, the plan's dispatches, tensor->image.
    /// </summary>
    /// <exception cref="GraphicsException">A buffer could not be allocated or a kernel failed to compile.</exception>
    /// <exception cref="ModelContractException">The network cannot take this size.</exception>
    public NetworkTensors(IGraphicsDevice device, TensorLayout input, GpuImageNetwork network)
    {
        InputLayout = input;
        OutputLayout = input.Scaled(network.Scale);
        Owner = network;
        _input = device.CreateStorageBuffer(input.ByteSize);
        try
        {
            _output = device.CreateStorageBuffer(OutputLayout.ByteSize);
            _run = network.Runner.Bind(_input, NchwShape.Rgb(input.TensorHeight, input.TensorWidth), _output);
            var shape = _run.OutputShape;
            if (shape != NchwShape.Rgb(OutputLayout.TensorHeight, OutputLayout.TensorWidth))
            {
                throw new ModelContractException(
                    $"{network.Path}: the plan for {input.TensorWidth}x{input.TensorHeight} writes {shape}, expected x{network.Scale}");
            }

            _check = new OutputCheck(device);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TensorLayout InputLayout { get; }

    public TensorLayout OutputLayout { get; }

    /// <summary>The network's CPU tensors (owned by the model) on the ONNX Runtime path; null on the GPU-compute path.</summary>
    public NetworkBuffers? Buffers { get; }

    /// <summary>Whether the network runs on the GPU (no readback, no upload).</summary>
    public bool OnGpu => _run is not null;

    /// <summary>What these tensors were made for (the model's buffers or the GPU network), to tell when to rebuild.</summary>
    public object Owner { get; }

    /// <summary>The output check of the GPU-compute path, for tests; null on the ONNX Runtime path.</summary>
    public OutputCheck? Check => _check;

    /// <summary>Image to input tensor on the GPU.</summary>
    public void ToTensor(FrameKernels kernels, ITexture source) => kernels.ImageToTensor(source, _input, InputLayout);

    /// <summary>Starts copying the input tensor into the readback buffer.</summary>
    public void StartReadback() => _readback!.StartRead(_input, 0, InputLayout.ByteSize);

    /// <summary>Waits for the readback to land in <see cref="NetworkBuffers.Input"/>.</summary>
    public void CompleteReadback() => _readback!.Complete(MemoryMarshal.AsBytes(Buffers!.Input.AsSpan()));

    /// <summary>Copies <see cref="NetworkBuffers.Output"/> into the output tensor's storage buffer.</summary>
    public void UploadOutput() => _output.Upload(MemoryMarshal.AsBytes(Buffers!.Output.AsSpan()));

    /// <summary>Records the GPU-compute plan, then the output check when one is due; no waits.</summary>
    public void RecordOnGpu(FrameKernels kernels)
    {
        _run!.Record();
        _check!.Record(kernels, _input, InputLayout.FloatCount, _output, OutputLayout.FloatCount);
    }

    /// <summary>Output tensor to an image of the output's image size, optionally blended with the input.</summary>
    public void ToImage(FrameKernels kernels, ITexture target, ITexture? blendSource = null, float strength = 1f) =>
        kernels.TensorToImage(_output, OutputLayout, target, blendSource, strength);

    public void Dispose()
    {
        // The plan first: it holds the two buffers bound.
        _check?.Dispose();
        _run?.Dispose();
        _input?.Dispose();
        _readback?.Dispose();
        _output?.Dispose();
    }
}
