using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Upscales the camera's low-resolution frame to its output size with a super-resolution network, the way a
/// temporal upscaler component does in an engine: it asks the camera for its tier's render resolution, runs the
/// network on each frame (image to tensor on the GPU; then, with <see cref="InferenceBackend.GpuCompute"/>, the
/// network's compute dispatches on the same buffers, or with ONNX Runtime a readback, inference on the CPU and an
/// upload; then tensor to image), resamples when the tier's ratio is not the network's scale, and optionally sharpens.
/// </summary>
/// <remarks>
/// <para>
/// Nothing here stops the frame: without <see cref="NeuralPass.Bind"/>, without ONNX Runtime or a manifest, with the model
/// missing (and no same-scale network to substitute), when loading fails or when inference throws mid-run, the
/// frame is produced by a bilinear upscale and the reason is logged once and shown in <see cref="NeuralPass.Status"/>. A
/// failed configuration is not retried every frame; changing the tier, model or policy, re-binding, or disabling
/// and re-enabling the component retries it.
/// </para>
/// <para>Put it first among the camera's post-processes: it consumes the scene at render resolution.</para>
/// </remarks>
public sealed partial class NeuralUpscaler : NeuralPass, IRenderResolutionRequester
{
    private NeuralUpscalerSettings _settings = new();
    private UpscaleResources? _resources;

    /// <summary>The upscaler's settings; changes take effect on the next frame.</summary>
    public NeuralUpscalerSettings Settings
    {
        get => _settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _settings = value;
        }
    }

    /// <summary>
    /// Test seam: called just before each inference, so a test can make inference throw mid-run and watch the
    /// pass fall back.
    /// </summary>
    internal Action? InjectInferenceFault { get; set; }

    /// <inheritdoc/>
    protected override string FallbackDescription => "using a bilinear upscale";

    /// <inheritdoc/>
    protected override string FallbackStatus => "bilinear";

    /// <inheritdoc/>
    protected override string InactiveStatus => "native (no network)";

    /// <summary>
    /// False at the Native tier with no sharpening and no explicit model: the camera then renders at output size
    /// and the pipeline skips the pass.
    /// </summary>
    public override bool IsActive() => _settings.IsActive();

    /// <inheritdoc/>
    public bool TryGetRenderResolution(Camera camera, out Size renderResolution)
    {
        ArgumentNullException.ThrowIfNull(camera);
        renderResolution = _settings.GetRenderResolution(camera.OutputSize);
        return true;
    }

    /// <inheritdoc/>
    public override Size GetOutputSize(Size input, Camera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return camera.OutputSize;
    }

    /// <inheritdoc/>
    public override void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        if (BoundOrFallBack(source, destination, context) is not { } services)
        {
            return;
        }

        Configure(services);
        if (HasNetwork)
        {
            RenderNetwork(source, destination, context);
        }
        else
        {
            RenderResize(source, destination, context);
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

    /// <summary>Chooses the path for the current settings, once per change of model id, policy, backend or GPU storage.</summary>
    protected override void Configure(EffectServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var modelId = _settings.ResolveModelId();
        var policy = _settings.FallbackPolicy;
        var backend = _settings.Backend;
        var storage = _settings.GpuStorage;
        var configuration = new NetworkConfiguration(policy, backend, storage);
        if (IsConfiguredFor(modelId, configuration))
        {
            return;
        }

        BeginConfigure(modelId, configuration);
        _resources ??= new UpscaleResources(services.Device);
        if (modelId is null)
        {
            SetStatus(InactiveStatus);
            return;
        }

        if (policy == FallbackPolicy.BilinearOnly)
        {
            SetStatus("bilinear: fallback policy is BilinearOnly");
            return;
        }

        if (!CanRunNetworks(services, modelId, backend, policy))
        {
            return;
        }

        var selection = ModelSelection.Select(services.Manifest!, modelId, NetworkScaleOf(services.Manifest!, modelId));
        if (selection.Card is not { } card)
        {
            FallBack(services, selection.Reason!);
            return;
        }

        if (!TryLoadNetwork(services, card, card.Scale > 0 ? card.Scale : null, policy, backend, storage, out var provider))
        {
            return;
        }

        if (selection.IsSubstitute)
        {
            services.Log($"NeuralUpscaler: model {modelId} is not installed; substituting {card.Id} " +
                $"(x{GpuNetwork?.Scale ?? Network!.Scale}, kind {card.Kind})");
            SetStatus($"{card.Id} on {provider} (substituted for missing {modelId})");
        }
        else
        {
            SetStatus($"{card.Id} on {provider}");
        }
    }

    /// <inheritdoc/>
    private protected override void PrepareTensors(Size inputSize)
    {
        _resources!.GetTensors(Network, GpuNetwork, inputSize.Width, inputSize.Height, EdgePadding.Border);
    }

    /// <summary>The scale the requested network would have: its card's if installed, else the tier's.</summary>
    private int NetworkScaleOf(ModelManifest manifest, string modelId) =>
        manifest.Contains(modelId) ? manifest.Get(modelId).Scale : UpscaleTiers.Get(_settings.Tier).NetworkScale;
}
