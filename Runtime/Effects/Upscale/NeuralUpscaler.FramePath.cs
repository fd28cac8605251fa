using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects.Upscale;

/// <content>The per-frame work: the network round trip, and the resize-and-sharpen path native and bilinear share.</content>
public sealed partial class NeuralUpscaler
{
    /// <summary>
    /// image->tensor, the network (GPU compute: its plan's dispatches; ONNX Runtime: readback, inference, upload),
    /// tensor->image, then resample and sharpen as needed. A GPU-compute failure (or a failed output check) steps
    /// down to ONNX Runtime, any other failure switches this configuration to bilinear, each logged once, and this
    /// frame is still produced.
    /// </summary>
    private void RenderNetwork(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        var resources = _resources!;
        if (StepDownOnFailedCheck(Services!, resources.CurrentTensors) && !HasNetwork)
        {
            RenderResize(source, destination, context);
            return;
        }

        var timings = context.Timings;
        var stage = PassTimingNames.ImageToTensor;
        try
        {
            var device = resources.Device;
            var input = FrameTextures.Readable(device, source, resources.SourceCopy);
            var tensors = resources.GetTensors(Network, GpuNetwork, source.Width, source.Height, EdgePadding.Border);

            resources.ImageToTensor.Begin();
            tensors.ToTensor(resources.Kernels, input);
            resources.ImageToTensor.End(timings);

            if (tensors.OnGpu)
            {
                // Nothing leaves the GPU: the plan reads the input tensor's buffer and writes the output's.
                stage = PassTimingNames.Inference;
                resources.GpuInference.Begin();
                InjectInferenceFault?.Invoke();
                tensors.RecordOnGpu(resources.Kernels);
                resources.GpuInference.End(timings);
            }
            else
            {
                stage = PassTimingNames.Readback;
                resources.Readback.Begin();
                tensors.StartReadback();
                tensors.CompleteReadback();
                resources.Readback.End(timings);

                stage = PassTimingNames.Inference;
                resources.Inference.Begin();
                InjectInferenceFault?.Invoke();
                Network!.Run(tensors.Buffers!);
                resources.Inference.End(timings);

                stage = PassTimingNames.Upload;
                resources.Upload.Begin();
                tensors.UploadOutput();
                resources.Upload.End(timings);
            }

            stage = PassTimingNames.TensorToImage;
            var sharpen = _settings.SharpenAmount;
            var networkWidth = tensors.OutputLayout.ImageWidth;
            var networkHeight = tensors.OutputLayout.ImageHeight;
            var resamples = networkWidth != destination.Width || networkHeight != destination.Height;
            var direct = !resamples && sharpen <= 0f ? FrameTextures.Writable(destination, input) : null;
            resources.TensorToImage.Begin();
            if (direct is not null)
            {
                // The network's output is the final image: write it straight into the destination.
                tensors.ToImage(resources.Kernels, direct);
                resources.TensorToImage.End(timings);
                return;
            }

            var network = resources.NetworkOutput.Get(device, networkWidth, networkHeight, destination.Format);
            tensors.ToImage(resources.Kernels, network.Color);
            resources.TensorToImage.End(timings);

            stage = resamples ? PassTimingNames.Resample : PassTimingNames.Sharpen;
            ResizeAndSharpen(network, destination, timings, sharpen, context.Copier);
        }
        catch (Exception e) // Whatever broke, the frame must still come out; the reason is logged once.
        {
            resources.CancelTimers();
            FailRun(Services!, $"{stage} failed: {Describe(e)}");
            BlitWithoutNetwork(source, destination, context);
        }
    }

    /// <summary>Native and bilinear: copy or bilinearly resize the source to the destination, then sharpen if asked.</summary>
    private void RenderResize(IRenderTarget source, IRenderTarget destination, PostProcessContext context) =>
        ResizeAndSharpen(source, destination, context.Timings, _settings.SharpenAmount, context.Copier);

    /// <summary>
    /// Gets <paramref name="image"/> to the destination's size (bilinear) and sharpens it by <paramref name="amount"/>,
    /// writing the destination's texture directly where it can and through scratch targets where it cannot.
    /// </summary>
    private void ResizeAndSharpen(IRenderTarget image, IRenderTarget destination, PassTimings timings, float amount,
        IFrameCopier copier)
    {
        var resources = _resources!;
        var device = resources.Device;
        var sameSize = image.Width == destination.Width && image.Height == destination.Height;
        if (amount <= 0f)
        {
            if (sameSize)
            {
                copier.Blit(image, destination, BlitFilter.Nearest);
                return;
            }

            resources.Resample.Begin();
            copier.Blit(image, destination, BlitFilter.Linear);
            resources.Resample.End(timings);
            return;
        }

        ITexture sharpenInput;
        if (sameSize)
        {
            sharpenInput = FrameTextures.Readable(device, image, resources.SourceCopy);
        }
        else
        {
            var resampled = resources.Resampled.Get(device, destination.Width, destination.Height, destination.Format);
            resources.Resample.Begin();
            copier.Blit(image, resampled, BlitFilter.Linear);
            resources.Resample.End(timings);
            sharpenInput = resampled.Color;
        }

        resources.Sharpen.Begin();
        if (FrameTextures.Writable(destination, sharpenInput) is { } output)
        {
            resources.Kernels.Sharpen(sharpenInput, output, amount);
        }
        else
        {
            var sharpened = resources.Sharpened.Get(device, destination.Width, destination.Height, destination.Format);
            resources.Kernels.Sharpen(sharpenInput, sharpened.Color, amount);
            device.Blit(sharpened, destination, BlitFilter.Nearest);
        }

        resources.Sharpen.End(timings);
    }
}
