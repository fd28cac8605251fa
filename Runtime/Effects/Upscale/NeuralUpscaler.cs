using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Upscales the camera's low-resolution frame to its output size with a super-resolution network, the way a
/// temporal upscaler component does in an engine: it asks the camera for its tier's render resolution, runs the
/// network on each frame (image to tensor on the GPU, readback, inference on the CPU execution provider, upload,
/// tensor to image), resamples when the tier's ratio is not the network's scale, and optionally sharpens.
/// </summary>
/// <remarks>
/// <para>
/// Nothing here stops the frame: without <see cref="Bind"/>, without ONNX Runtime or a manifest, with the model
/// missing (and no same-scale network to substitute), when loading fails or when inference throws mid-run, the
/// frame is produced by a bilinear upscale and the reason is logged once and shown in <see cref="Status"/>. A
/// failed configuration is not retried every frame; changing the tier, model or policy, re-binding, or disabling
/// and re-enabling the component retries it.
/// </para>
/// <para>Put it first among the camera's post-processes: it consumes the scene at render resolution.</para>
/// </remarks>
public sealed partial class NeuralUpscaler : Component, IPostProcess, IPostProcessFallback, IRenderResolutionRequester
{
    private NeuralUpscalerSettings _settings = new();
    private EffectServices? _services;
    private UpscaleResources? _resources;
    private ImageNetwork? _model;
    private UpscalePath _path = UpscalePath.Unconfigured;
    private string? _configuredModelId;
    private FallbackPolicy _configuredPolicy;
    private bool _reportedUnbound;
    private bool _reportedGpuFallback;

    private enum UpscalePath
    {
        Unconfigured,
        Native,
        Network,
        Bilinear,
    }

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
    /// The active path in words, e.g. <c>imdn-rtc-x2 on CPU EP</c>,
    /// <c>test-nearest-x2 on CPU EP (substituted for missing imdn-rtc-x2)</c>, <c>native (no network)</c> or
    /// <c>bilinear: model imdn-x2 not installed ...</c>; <c>not rendered yet</c> before the first frame.
    /// </summary>
    public string Status { get; private set; } = "not rendered yet";

    /// <summary>Manifest id of the network that is running, or null when none is (native or bilinear).</summary>
    public string? ActiveModelId { get; private set; }

    /// <summary>
    /// Test seam: called just before each inference, so a test can make inference throw mid-run and watch the
    /// pass fall back.
    /// </summary>
    internal Action? InjectInferenceFault { get; set; }

    /// <summary>
    /// Gives the pass the application's services; call it before the first frame (and again to move to other
    /// services). Model selection and loading happen on the next frame.
    /// </summary>
    public void Bind(EffectServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Release();
        _services = services;
        _reportedUnbound = false;
        _reportedGpuFallback = false;
    }

    /// <inheritdoc/>
    public bool TryGetRenderResolution(Camera camera, out Size renderResolution)
    {
        ArgumentNullException.ThrowIfNull(camera);
        renderResolution = _settings.GetRenderResolution(camera.OutputSize);
        return true;
    }

    /// <inheritdoc/>
    public Size GetOutputSize(Size input, Camera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return camera.OutputSize;
    }

    /// <inheritdoc/>
    public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        if (_services is null)
        {
            ReportUnbound();
            context.Copier.Blit(source, destination, FilterFor(source, destination));
            return;
        }

        Configure(_services);
        switch (_path)
        {
            case UpscalePath.Network:
                RenderNetwork(source, destination, context);
                break;
            case UpscalePath.Native:
            case UpscalePath.Bilinear:
            default:
                RenderResize(source, destination, context);
                break;
        }
    }

    /// <summary>A plain bilinear upscale, which the host uses if this pass ever throws.</summary>
    public void OnRenderImageFallback(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        context.Copier.Blit(source, destination, FilterFor(source, destination));
    }

    /// <inheritdoc/>
    protected override void OnEnable() => _path = UpscalePath.Unconfigured;

    /// <inheritdoc/>
    protected override void OnDisable() => Release();

    /// <inheritdoc/>
    protected override void OnDestroy() => Release();

    /// <summary>Chooses the path for the current settings, once per change of model id or policy.</summary>
    private void Configure(EffectServices services)
    {
        var modelId = _settings.ResolveModelId();
        var policy = _settings.FallbackPolicy;
        if (_path != UpscalePath.Unconfigured && string.Equals(modelId, _configuredModelId, StringComparison.Ordinal)
            && policy == _configuredPolicy)
        {
            return;
        }

        ReleaseModel();
        _configuredModelId = modelId;
        _configuredPolicy = policy;
        _resources ??= new UpscaleResources(services.Device);
        ActiveModelId = null;

        if (modelId is null)
        {
            SetPath(UpscalePath.Native, "native (no network)");
            return;
        }

        if (policy == FallbackPolicy.BilinearOnly)
        {
            SetPath(UpscalePath.Bilinear, "bilinear: fallback policy is BilinearOnly");
            return;
        }

        if (services.Ort is null || services.Manifest is null)
        {
            var missing = services.Ort is null ? "no ONNX Runtime environment" : "no model manifest";
            FallBack(services, $"{missing} was bound, so {modelId} cannot run");
            return;
        }

        var selection = ModelSelection.Select(services.Manifest, modelId, NetworkScaleOf(services.Manifest, modelId));
        if (selection.Card is null)
        {
            FallBack(services, selection.Reason!);
            return;
        }

        ModelLoader.Loaded loaded;
        try
        {
            loaded = ModelLoader.Load(services.Ort, services.Manifest, selection.Card, policy);
        }
        catch (Exception e) when (e is NeuralPostException or IOException or UnauthorizedAccessException)
        {
            FallBack(services, $"model {selection.Card.Id} failed to load: {Describe(e)}");
            return;
        }

        // Said once per binding: the machine's providers do not change when the tier does.
        if (loaded.GpuFallbackReason is { } gpuFallback && !_reportedGpuFallback)
        {
            _reportedGpuFallback = true;
            services.Log($"NeuralUpscaler: no GPU inference: {gpuFallback}; using the CPU execution provider");
        }

        _model = loaded.Model;
        ActiveModelId = selection.Card.Id;
        if (selection.IsSubstitute)
        {
            services.Log($"NeuralUpscaler: model {modelId} is not installed; substituting {selection.Card.Id} " +
                $"(x{loaded.Model.Scale}, kind {selection.Card.Kind})");
            SetPath(UpscalePath.Network, $"{selection.Card.Id} on {loaded.Provider} (substituted for missing {modelId})");
        }
        else
        {
            SetPath(UpscalePath.Network, $"{selection.Card.Id} on {loaded.Provider}");
        }
    }

    /// <summary>The scale the requested network would have: its card's if installed, else the tier's.</summary>
    private int NetworkScaleOf(ModelManifest manifest, string modelId) =>
        manifest.Contains(modelId) ? manifest.Get(modelId).Scale : UpscaleTiers.Get(_settings.Tier).NetworkScale;

    private void SetPath(UpscalePath path, string status)
    {
        _path = path;
        Status = status;
    }

    /// <summary>Switches to bilinear for this configuration and logs why, once.</summary>
    private void FallBack(EffectServices services, string reason)
    {
        ReleaseModel();
        ActiveModelId = null;
        SetPath(UpscalePath.Bilinear, "bilinear: " + reason);
        services.Log($"NeuralUpscaler: using a bilinear upscale: {reason}");
    }

    private void ReportUnbound()
    {
        Status = "bilinear: not bound (call Bind with the application's services)";
        if (!_reportedUnbound)
        {
            _reportedUnbound = true;
            Console.Error.WriteLine($"NeuralUpscaler on '{GameObject.Name}': Bind was not called; using a bilinear upscale");
        }
    }

    private void ReleaseModel()
    {
        _resources?.ReleaseTensors();
        _model?.Dispose();
        _model = null;
    }

    private void Release()
    {
        ReleaseModel();
        _resources?.Dispose();
        _resources = null;
        ActiveModelId = null;
        _path = UpscalePath.Unconfigured;
    }

    private static BlitFilter FilterFor(IRenderTarget source, IRenderTarget destination) =>
        source.Width == destination.Width && source.Height == destination.Height ? BlitFilter.Nearest : BlitFilter.Linear;

    private static string Describe(Exception e) => $"{e.GetType().Name}: {ModelLoader.OneLine(e.Message)}";
}
