using System.Runtime.InteropServices;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// The GPU side of one network input size: the input tensor's storage buffer, the readback buffer that brings it to
/// the CPU, and the output tensor's storage buffer, plus the network's pinned CPU tensors. Created once per size
/// and reused every frame, so the round trip allocates nothing.
/// </summary>
internal sealed class NetworkTensors : IDisposable
{
    private readonly IStorageBuffer _input;
    private readonly IStorageBuffer _output;
    private readonly IReadbackBuffer _readback;

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

    public TensorLayout InputLayout { get; }

    public TensorLayout OutputLayout { get; }

    /// <summary>The network's CPU tensors, owned by the model.</summary>
    public NetworkBuffers Buffers { get; }

    /// <summary>Image to input tensor on the GPU.</summary>
    public void ToTensor(FrameKernels kernels, ITexture source) => kernels.ImageToTensor(source, _input, InputLayout);

    /// <summary>Starts copying the input tensor into the readback buffer.</summary>
    public void StartReadback() => _readback.StartRead(_input, 0, InputLayout.ByteSize);

    /// <summary>Waits for the readback to land in <see cref="NetworkBuffers.Input"/>.</summary>
    public void CompleteReadback() => _readback.Complete(MemoryMarshal.AsBytes(Buffers.Input.AsSpan()));

    /// <summary>Copies <see cref="NetworkBuffers.Output"/> into the output tensor's storage buffer.</summary>
    public void UploadOutput() => _output.Upload(MemoryMarshal.AsBytes(Buffers.Output.AsSpan()));

    /// <summary>Output tensor to an image of the output's image size, optionally blended with the input.</summary>
    public void ToImage(FrameKernels kernels, ITexture target, ITexture? blendSource = null, float strength = 1f) =>
        kernels.TensorToImage(_output, OutputLayout, target, blendSource, strength);

    public void Dispose()
    {
        _input?.Dispose();
        _readback?.Dispose();
        _output?.Dispose();
    }
}
