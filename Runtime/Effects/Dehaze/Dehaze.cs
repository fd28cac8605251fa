using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects.Dehaze;

/// <summary>
/// Removes haze with a same-size network (manifest kind <c>dehaze</c>, 1x3xHxW in and out) and blends its output
/// with the input by <see cref="DehazeSettings.Strength"/>, on the same tensor path as the upscaler (on the GPU with
/// <see cref="InferenceBackend.GpuCompute"/>, a GPU/CPU round trip with ONNX Runtime).
/// It runs at the resolution its place on the camera gives it: added before the <see cref="NeuralUpscaler"/> it sees
/// render-resolution frames (recommended: on held-out pairs it scores higher than after the upscaler and costs the
/// square of the scale less), added after it, output-resolution frames. A card may carry <c>"sizeMultiple": N</c> for networks that need sides in
/// multiples of N: the tensor is then padded by repeating edge pixels and the output cropped back.
/// </summary>
/// <remarks>
/// Until a dehaze model is installed the pass says so once and passes frames through unchanged; the same happens,
/// with the reason, when the model fails to load or run. Disabled (or at strength 0) it copies the frame and does
/// nothing else.
/// </remarks>
public sealed class Dehaze : NeuralPass
{
    /// <summary>Card field naming the multiple a dehaze network needs its input sides to be.</summary>
    public const string SizeMultipleField = "sizeMultiple";

    private DehazeSettings _settings = new();
    private DehazeResources? _resources;
    private int _sizeMultiple = 1;

    /// <summary>The pass's settings; changes take effect on the next frame.</summary>
    public DehazeSettings Settings
    {
        get => _settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _settings = value;
        }
    }

    /// <inheritdoc/>
    protected override string FallbackDescription => "passing frames through unchanged";

    /// <inheritdoc/>
    protected override string FallbackStatus => "pass-through";

    /// <inheritdoc/>
    protected override string InactiveStatus => "disabled";

    /// <summary>False when disabled or at strength 0: the pipeline then skips the pass.</summary>
    public override bool IsActive() => _settings.IsActive();

    /// <inheritdoc/>
    public override Size GetOutputSize(Size input, Camera camera) => input;

    /// <inheritdoc/>
    public override void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        // A host that calls the pass without asking IsActive still gets the frame, untouched.
        if (!IsActive())
        {
            BlitWithoutNetwork(source, destination, context);
            return;
        }

        if (BoundOrFallBack(source, destination, context) is not { } services)
        {
            return;
        }

        Configure(services);
        // A failed output check steps down to ONNX Runtime before this frame, so the frame uses it.
        if (HasNetwork)
        {
            StepDownOnFailedCheck(services, _resources!.CurrentTensors);
        }

        if (!HasNetwork)
        {
            BlitWithoutNetwork(source, destination, context);
            return;
        }

        var resources = _resources!;
        resources.Timer.Begin();
        try
        {
            RunNetwork(resources, source, destination);
            resources.Timer.End(context.Timings);
        }
        catch (Exception e) // Whatever broke, the frame must still come out; the reason is logged once.
        {
            resources.Timer.Cancel();
            FailRun(services, $"dehaze failed: {Describe(e)}");
            BlitWithoutNetwork(source, destination, context);
        }
    }

    /// <inheritdoc/>
    protected override void ReleaseTensors() => _resources?.ReleaseTensors();

    /// <inheritdoc/>
    protected override void ReleaseResources()
    {
        _resources?.Dispose();
        _resources = null;
    }

    /// <inheritdoc/>
    private protected override void PrepareTensors(Size inputSize)
    {
        _resources!.GetTensors(Network, GpuNetwork, inputSize.Width, inputSize.Height, EdgePadding.Border, _sizeMultiple);
    }

    private void RunNetwork(DehazeResources resources, IRenderTarget source, IRenderTarget destination)
    {
        var device = resources.Device;
        var input = FrameTextures.Readable(device, source, resources.SourceCopy);
        var tensors = resources.GetTensors(Network, GpuNetwork, source.Width, source.Height, EdgePadding.Border, _sizeMultiple);
        tensors.ToTensor(resources.Kernels, input);
        if (tensors.OnGpu)
        {
            tensors.RecordOnGpu(resources.Kernels); // no readback, no upload: the plan works on the two buffers
        }
        else
        {
            tensors.StartReadback();
            tensors.CompleteReadback();
            Network!.Run(tensors.Buffers!);
            tensors.UploadOutput();
        }

        if (FrameTextures.Writable(destination, input) is { } output)
        {
            tensors.ToImage(resources.Kernels, output, input, _settings.Strength);
        }
        else
        {
            var scratch = resources.Output.Get(device, destination.Width, destination.Height, destination.Format);
            tensors.ToImage(resources.Kernels, scratch.Color, input, _settings.Strength);
            device.Blit(scratch, destination, BlitFilter.Nearest);
        }
    }

    /// <summary>Finds and loads the model once per model id, backend and GPU storage (and again after re-binding or re-enabling).</summary>
    protected override void Configure(EffectServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var modelId = _settings.ModelId;
        var backend = _settings.Backend;
        var storage = _settings.GpuStorage;
        // The dehaze settings carry no fallback policy: the network runs wherever the upscaler's default would.
        const FallbackPolicy policy = FallbackPolicy.GpuThenCpuThenBilinear;
        var configuration = new NetworkConfiguration(policy, backend, storage);
        if (IsConfiguredFor(modelId, configuration))
        {
            return;
        }

        BeginConfigure(modelId, configuration);
        if (!CanRunNetworks(services, modelId, backend, policy))
        {
            return;
        }

        if (!services.Manifest!.Contains(modelId))
        {
            FallBack(services, $"no dehaze model '{modelId}' installed");
            return;
        }

        var card = services.Manifest.Get(modelId);
        try
        {
            _sizeMultiple = OfflineDehazer.ReadSizeMultiple(card);
        }
        catch (NeuralPostException e)
        {
            FallBack(services, $"model {modelId} failed to load: {Describe(e)}");
            return;
        }

        if (!TryLoadNetwork(services, card, expectedScale: 1, policy, backend, storage, out var provider))
        {
            return;
        }

        _resources ??= new DehazeResources(services.Device);
        SetStatus($"{modelId} on {provider}");
    }
}
