using NeuralPost.Core;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>
/// Stands in for the NeuralUpscaler: asks the camera for its tier's render resolution and writes the output size.
/// </summary>
internal sealed class FakeUpscaler : TagPass, IRenderResolutionRequester
{
    public FakeUpscaler() => Tag = "upscale";

    public NeuralUpscalerSettings Settings { get; } = new() { Tier = UpscaleTier.Performance };

    public override Size GetOutputSize(Size input, Camera camera) => camera.OutputSize;

    public bool TryGetRenderResolution(Camera camera, out Size renderResolution)
    {
        renderResolution = Settings.GetRenderResolution(camera.OutputSize);
        return true;
    }
}
