using NeuralPost.Graphics;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Everything the upscaler holds on the GPU: its kernels, a timer per stage, the per-size tensor buffers and the
/// scratch targets (source copy, network output, resampled, sharpened). Sized resources are created on the first
/// frame of a (render size, output size, format) and reused until one changes.
/// </summary>
internal sealed class UpscaleResources : IDisposable
{
    private readonly TensorSlot _tensors = new();

    public UpscaleResources(IGraphicsDevice device)
    {
        Device = device;
        Kernels = new FrameKernels(device);
        ImageToTensor = new PassTimer(PassTimingNames.ImageToTensor, device);
        Readback = new PassTimer(PassTimingNames.Readback, device);
        Inference = new PassTimer(PassTimingNames.Inference, device: null); // CPU only: a GPU timer would time nothing
        GpuInference = new PassTimer(PassTimingNames.Inference, device); // GPU compute: the dispatches are GPU time
        Upload = new PassTimer(PassTimingNames.Upload, device);
        TensorToImage = new PassTimer(PassTimingNames.TensorToImage, device);
        Resample = new PassTimer(PassTimingNames.Resample, device);
        Sharpen = new PassTimer(PassTimingNames.Sharpen, device);
    }

    public IGraphicsDevice Device { get; }

    public FrameKernels Kernels { get; }

    public PassTimer ImageToTensor { get; }

    public PassTimer Readback { get; }

    public PassTimer Inference { get; }

    public PassTimer Upload { get; }

    public PassTimer GpuInference { get; }

    public PassTimer TensorToImage { get; }

    public PassTimer Resample { get; }

    public PassTimer Sharpen { get; }

    /// <summary>Copy of a source whose texture the backend does not expose.</summary>
    public TargetSlot SourceCopy { get; } = new();

    /// <summary>The network's output at network scale.</summary>
    public TargetSlot NetworkOutput { get; } = new();

    /// <summary>The output-size resample when a sharpen still follows it.</summary>
    public TargetSlot Resampled { get; } = new();

    /// <summary>The sharpen's result when the destination's texture cannot be written directly.</summary>
    public TargetSlot Sharpened { get; } = new();

    /// <summary>The tensors of the last frame (or prepare), null before one; for the output check's poll.</summary>
    public NetworkTensors? CurrentTensors => _tensors.Current;

    /// <summary>
    /// The tensor buffers for a <paramref name="width"/> x <paramref name="height"/> input with <paramref name="border"/>
    /// pixels of extended edge on every side, to <paramref name="gpu"/> (its plan compiled and bound) or, when that is
    /// null, to <paramref name="model"/>; rebuilt once per size change.
    /// </summary>
    public NetworkTensors GetTensors(ImageNetwork? model, GpuImageNetwork? gpu, int width, int height, int border) =>
        _tensors.Get(Device, model, gpu, TensorLayout.Bordered(width, height, border));

    /// <summary>Drops the tensor buffers, e.g. when the model they were made for goes away.</summary>
    public void ReleaseTensors() => _tensors.Release();

    /// <summary>Abandons stages left running by an exception.</summary>
    public void CancelTimers()
    {
        ImageToTensor.Cancel();
        Readback.Cancel();
        Inference.Cancel();
        Upload.Cancel();
        GpuInference.Cancel();
        TensorToImage.Cancel();
        Resample.Cancel();
        Sharpen.Cancel();
    }

    public void Dispose()
    {
        ReleaseTensors();
        SourceCopy.Dispose();
        NetworkOutput.Dispose();
        Resampled.Dispose();
        Sharpened.Dispose();
        ImageToTensor.Dispose();
        Readback.Dispose();
        Inference.Dispose();
        Upload.Dispose();
        GpuInference.Dispose();
        TensorToImage.Dispose();
        Resample.Dispose();
        Sharpen.Dispose();
        Kernels.Dispose();
    }
}
