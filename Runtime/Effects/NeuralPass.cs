using System.Diagnostics.CodeAnalysis;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;
using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// What every neural post-process shares: binding to the application's <see cref="EffectServices"/>, loading its
/// network from the manifest along a <see cref="FallbackPolicy"/> (GPU execution provider, then CPU), falling back to
/// the pass's non-neural path (a blit: bilinear when the sizes differ, a copy when they match) with the reason said
/// once, a status in words, and releasing the network and GPU buffers when disabled or destroyed.
/// </summary>
/// <remarks>
/// A configuration is chosen once per (model id, variant) and not retried every frame after it failed; changing
/// the settings that make the key, re-binding, or disabling and re-enabling the component retries it. Nothing here
/// stops the frame.
/// </remarks>
public abstract class NeuralPass : Component, IPostProcess, IPostProcessFallback
{
    private string _status = "not rendered yet";
    private string? _activeModelId;
    private bool _configured;
    private string? _configuredModelId;
    private int _configuredVariant;
    private bool _reportedUnbound;
    private bool _reportedGpuFallback;

    /// <summary>
    /// What the pass is doing in words, e.g. <c>imdn-rtc-x2 on CPU EP</c>, <c>bilinear: model imdn-x2 not installed</c>,
    /// <c>pass-through: no dehaze model 'dehaze' installed</c>; <c>not rendered yet</c> before the first frame, and
    /// the pass's inactive status (<c>native (no network)</c>, <c>disabled</c>) while <see cref="IsActive"/> is false.
    /// </summary>
    public string Status => IsActive() ? _status : InactiveStatus;

    /// <summary>Manifest id of the network that is running, or null when none is (inactive or fallen back).</summary>
    public string? ActiveModelId => IsActive() ? _activeModelId : null;

    /// <summary>The services given to <see cref="Bind"/>, or null before it.</summary>
    protected EffectServices? Services { get; private set; }

    /// <summary>The loaded network, or null on the non-neural path.</summary>
    protected ImageNetwork? Network { get; private set; }

    /// <summary>The loaded network's border of replicated edge pixels (its card's, see <see cref="EdgePadding.For"/>).</summary>
    protected EdgePadding EdgePadding { get; private set; }

    /// <summary>How the pass gets frames out without its network, for log lines: e.g. <c>using a bilinear upscale</c>.</summary>
    protected abstract string FallbackDescription { get; }

    /// <summary>The status prefix of the non-neural path: e.g. <c>bilinear</c>, <c>pass-through</c>.</summary>
    protected abstract string FallbackStatus { get; }

    /// <summary>The status while <see cref="IsActive"/> is false: e.g. <c>native (no network)</c>, <c>disabled</c>.</summary>
    protected abstract string InactiveStatus { get; }

    private string PassName => GetType().Name;

    /// <summary>
    /// Gives the pass the application's services; call it before the first frame (and again to move to other
    /// services). Model selection and loading happen on the next frame.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public void Bind(EffectServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Release();
        Services = services;
        _reportedUnbound = false;
        _reportedGpuFallback = false;
    }

    /// <inheritdoc/>
    public abstract bool IsActive();

    /// <inheritdoc/>
    public abstract Size GetOutputSize(Size input, Camera camera);

    /// <inheritdoc/>
    public abstract void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context);

    /// <summary>The non-neural path, which the host also uses if the pass ever throws.</summary>
    public void OnRenderImageFallback(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        BlitWithoutNetwork(source, destination, context);
    }

    /// <inheritdoc/>
    protected override void OnEnable() => _configured = false;

    /// <inheritdoc/>
    protected override void OnDisable() => Release();

    /// <inheritdoc/>
    protected override void OnDestroy() => Release();

    /// <summary>A blit of the source to the destination: nearest when the sizes match (a copy), else bilinear.</summary>
    protected static void BlitWithoutNetwork(IRenderTarget source, IRenderTarget destination, PostProcessContext context) =>
        context.Copier.Blit(source, destination,
            source.Width == destination.Width && source.Height == destination.Height ? BlitFilter.Nearest : BlitFilter.Linear);

    /// <summary>
    /// Returns the bound services, or null after drawing the frame without the network and saying once (on stderr:
    /// no log was bound) that <see cref="Bind"/> was not called.
    /// </summary>
    protected EffectServices? BoundOrFallBack(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        if (Services is { } services)
        {
            return services;
        }

        _status = $"{FallbackStatus}: not bound (call Bind with the application's services)";
        if (!_reportedUnbound)
        {
            _reportedUnbound = true;
            Console.Error.WriteLine($"{PassName} on '{GameObject.Name}': Bind was not called; {FallbackDescription}");
        }

        BlitWithoutNetwork(source, destination, context);
        return null;
    }

    /// <summary>True when the current configuration was made for this key, so nothing is to be done this frame.</summary>
    protected bool IsConfiguredFor(string? modelId, int variant) =>
        _configured && variant == _configuredVariant && string.Equals(modelId, _configuredModelId, StringComparison.Ordinal);

    /// <summary>Drops the current network and records the key the configuration about to be made is for.</summary>
    protected void BeginConfigure(string? modelId, int variant)
    {
        ReleaseNetwork();
        _configured = true;
        _configuredModelId = modelId;
        _configuredVariant = variant;
    }

    /// <summary>Sets the status of a path chosen without a network (e.g. native with sharpening).</summary>
    protected void SetStatus(string status) => _status = status;

    /// <summary>
    /// Checks that inference can happen at all (an ONNX Runtime environment and a manifest were bound); otherwise
    /// falls back with the reason and returns false.
    /// </summary>
    protected bool CanRunNetworks(EffectServices services, string modelId)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Ort is not null && services.Manifest is not null)
        {
            return true;
        }

        var missing = services.Ort is null ? "no ONNX Runtime environment" : "no model manifest";
        FallBack(services, $"{missing} was bound, so {modelId} cannot run");
        return false;
    }

    /// <summary>
    /// Loads <paramref name="card"/>'s verified file along <paramref name="policy"/>: GPU execution providers first
    /// when it allows them, then the CPU one; a GPU step-down is said once per binding (the machine's providers do
    /// not change with the model). On failure falls back with the reason and returns false.
    /// </summary>
    protected bool TryLoadNetwork(EffectServices services, ModelCard card, int? expectedScale, FallbackPolicy policy,
        [NotNullWhen(true)] out string? provider)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(card);
        provider = null;
        ModelLoader.Loaded loaded;
        EdgePadding edges;
        try
        {
            edges = EdgePadding.For(card);
            var path = services.Manifest!.ResolveVerifiedFile(card);
            loaded = ModelLoader.Load(services.Ort!, path, expectedScale, policy);
        }
        catch (Exception e) when (e is NeuralPostException or IOException or UnauthorizedAccessException)
        {
            FallBack(services, $"model {card.Id} failed to load: {Describe(e)}");
            return false;
        }

        if (loaded.GpuFallbackReason is { } gpuFallback && !_reportedGpuFallback)
        {
            _reportedGpuFallback = true;
            services.Log($"{PassName}: no GPU inference: {gpuFallback}; using the CPU execution provider");
        }

        Network = loaded.Model;
        EdgePadding = edges;
        _activeModelId = card.Id;
        provider = loaded.Provider;
        return true;
    }

    /// <summary>Switches this configuration to the non-neural path and logs why, once.</summary>
    protected void FallBack(EffectServices services, string reason)
    {
        ArgumentNullException.ThrowIfNull(services);
        ReleaseNetwork();
        _status = $"{FallbackStatus}: {reason}";
        services.Log($"{PassName}: {FallbackDescription}: {reason}");
    }

    /// <summary>Frees the per-size tensors bound to the network (they die with it).</summary>
    protected abstract void ReleaseTensors();

    /// <summary>Frees the pass's GPU resources (kernels, timers, scratch targets).</summary>
    protected abstract void ReleaseResources();

    /// <summary>An exception in one line: its type and message.</summary>
    protected static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{e.GetType().Name}: {OneLine.Of(e.Message)}";
    }

    private void ReleaseNetwork()
    {
        ReleaseTensors();
        Network?.Dispose();
        Network = null;
        _activeModelId = null;
    }

    private void Release()
    {
        ReleaseNetwork();
        ReleaseResources();
        _configured = false;
    }
}
