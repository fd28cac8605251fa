using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;

namespace NeuralPost.Effects.Dehaze;

/// <summary>The dehaze pass's GPU state: kernels, its timer, the per-size tensor buffers and scratch targets.</summary>
internal sealed class DehazeResources : IDisposable
{
    private readonly TensorSlot _tensors = new();

    public DehazeResources(IGraphicsDevice device)
    {
        Device = device;
        Kernels = new FrameKernels(device);
        // CPU time only: the pass waits for its readback, so a GPU timer would report the wait, not the work.
        Timer = new PassTimer(PassTimingNames.Dehaze, device: null);
    }

    public IGraphicsDevice Device { get; }

    public FrameKernels Kernels { get; }

    public PassTimer Timer { get; }

    /// <summary>Copy of a source whose texture the backend does not expose.</summary>
    public TargetSlot SourceCopy { get; } = new();

    /// <summary>The blended result when the destination's texture cannot be written directly.</summary>
    public TargetSlot Output { get; } = new();

    /// <summary>The tensors of the last frame (or prepare), null before one; for the output check's poll.</summary>
    public NetworkTensors? CurrentTensors => _tensors.Current;

    /// <summary>
    /// Tensor buffers for a frame of this size with <paramref name="border"/> pixels of extended edge on every side,
    /// padded to <paramref name="sizeMultiple"/>, for <paramref name="gpu"/> (its plan compiled and bound) or, when
    /// that is null, <paramref name="model"/>; rebuilt once per size change.
    /// </summary>
    public NetworkTensors GetTensors(ImageNetwork? model, GpuImageNetwork? gpu, int width, int height, int border, int sizeMultiple) =>
        _tensors.Get(Device, model, gpu, TensorLayout.Bordered(width, height, border, sizeMultiple));

    /// <summary>Drops the tensor buffers, e.g. when the model they were made for goes away.</summary>
    public void ReleaseTensors() => _tensors.Release();

    public void Dispose()
    {
        ReleaseTensors();
        SourceCopy.Dispose();
        Output.Dispose();
        Timer.Dispose();
        Kernels.Dispose();
    }
}
