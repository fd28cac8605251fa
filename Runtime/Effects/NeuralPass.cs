using System.Diagnostics.CodeAnalysis;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Effects;

/// <summary>
/// What every neural post-process shares: binding to the application's <see cref="EffectServices"/>, loading its
/// network from the manifest on its <see cref="InferenceBackend"/> (GPU compute on the renderer's device, else ONNX
/// Runtime along a <see cref="FallbackPolicy"/>: GPU execution provider, then CPU), falling back to the pass's
/// non-neural path (a blit: bilinear when the sizes differ, a copy when they match) with the reason said once, a
/// status in words, and releasing the network and GPU buffers when disabled or destroyed.
/// </summary>
/// <remarks>
/// <para>
/// The fallback chain is GPU compute -> ONNX Runtime -> the non-neural path; each step is said once through the
/// log, and the frame is always produced. GPU compute steps down when the model cannot be imported, a plan cannot
/// be compiled or bound, a run throws, or the on-GPU output check (<see cref="OutputCheck"/>) finds NaN/infinity
/// or an all-black output from a non-black input.
/// </para>
/// <para>
/// A configuration is chosen once per (model id, variant) and not retried every frame after it failed; changing
/// the settings that make the key, re-binding, or disabling and re-enabling the component retries it. Nothing here
/// stops the frame.
/// </para>
/// </remarks>
public abstract class NeuralPass : Component, IPostProcess, IPostProcessFallback
{
    private string _status = "not rendered yet";
    private string? _activeModelId;
    private bool _configured;
    private string? _configuredModelId;
    private NetworkConfiguration _configuredFor;
    private bool _reportedUnbound;
    private bool _reportedGpuFallback;
    private ModelCard? _loadedCard;
    private string? _loadedPath;
    private int? _loadedExpectedScale;
    private FallbackPolicy _loadedPolicy;

    /// <summary>
    /// What the pass is doing in words, e.g. <c>imdn-rtc-x2 on CPU EP</c>, <c>bilinear: model imdn-x2 not installed</c>,
    /// <c>pass-through: no dehaze model 'dehaze' installed</c>; <c>not rendered yet</c> before the first frame, and
    /// the pass's inactive status (<c>native (no network)</c>, <c>disabled</c>) while <see cref="IsActive"/> is false.
    /// </summary>
    public string Status => IsActive() ? _status : InactiveStatus;

    /// <summary>Manifest id of the network that is running, or null when none is (inactive or fallen back).</summary>
    public string? ActiveModelId => IsActive() ? _activeModelId : null;

    /// <summary>
    /// What runs the network now: <see cref="InferenceBackend.GpuCompute"/> or <see cref="InferenceBackend.OnnxRuntime"/>,
    /// or null when no network runs (inactive, not configured yet, or fallen back to the non-neural path).
    /// </summary>
    public InferenceBackend? ActiveBackend =>
        !IsActive() ? null : GpuNetwork is not null ? InferenceBackend.GpuCompute : Network is not null ? InferenceBackend.OnnxRuntime : null;

    /// <summary>The services given to <see cref="Bind"/>, or null before it.</summary>
    protected EffectServices? Services { get; private set; }

    /// <summary>The loaded ONNX Runtime network, or null on the GPU-compute or non-neural path.</summary>
    protected ImageNetwork? Network { get; private set; }

    /// <summary>The loaded GPU-compute network, or null on the ONNX Runtime or non-neural path.</summary>
    private protected GpuImageNetwork? GpuNetwork { get; private set; }

    /// <summary>Whether a network (on either backend) runs this configuration.</summary>
    protected bool HasNetwork => Network is not null || GpuNetwork is not null;

    /// <summary>The loaded network's border of extended edge pixels (its card's, see <see cref="EdgePadding.For"/>), on either backend.</summary>
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

    /// <summary>
    /// Loads the network and compiles its plan (GPU compute) or binds its tensors (ONNX Runtime) for frames of
    /// <paramref name="inputSize"/>, the size this pass will receive (the upscaler's: the camera's render resolution),
    /// so the first frame does not pay for it. Call it after <see cref="Bind"/>, on the device's thread, again when
    /// the size is about to change; a frame of another size still works and rebuilds once. Failures fall back as a
    /// frame's would, said once; nothing is thrown for them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputSize"/> is not positive.</exception>
    public void Prepare(Size inputSize)
    {
        if (!inputSize.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "a frame size must be positive");
        }

        if (Services is not { } services || !IsActive())
        {
            return;
        }

        Configure(services);
        for (var attempt = 0; attempt < 2 && HasNetwork; attempt++)
        {
            try
            {
                PrepareTensors(inputSize);
                return;
            }
            catch (Exception e) // Same contract as a frame: fall back, say why once, never throw.
            {
                FailRun(services, $"preparing {inputSize.Width}x{inputSize.Height} failed: {Describe(e)}");
            }
        }
    }

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

    /// <summary>Chooses and loads the configuration for the current settings, once per change of them.</summary>
    protected abstract void Configure(EffectServices services);

    /// <summary>Creates (or finds) the tensors and plan for frames of <paramref name="inputSize"/>; may throw.</summary>
    private protected abstract void PrepareTensors(Size inputSize);

    /// <summary>True when the current configuration was made for this key, so nothing is to be done this frame.</summary>
    private protected bool IsConfiguredFor(string? modelId, NetworkConfiguration configuration) =>
        _configured && configuration == _configuredFor && string.Equals(modelId, _configuredModelId, StringComparison.Ordinal);

    /// <summary>Drops the current network and records the key the configuration about to be made is for.</summary>
    private protected void BeginConfigure(string? modelId, NetworkConfiguration configuration)
    {
        ReleaseNetwork();
        _configured = true;
        _configuredModelId = modelId;
        _configuredFor = configuration;
    }

    /// <summary>Sets the status of a path chosen without a network (e.g. native with sharpening).</summary>
    protected void SetStatus(string status) => _status = status;

    /// <summary>
    /// Checks that inference can happen at all on <paramref name="backend"/>: a manifest, and an ONNX Runtime
    /// environment unless GPU compute comes first (it needs none, and its own failure is said when it happens);
    /// otherwise falls back with the reason and returns false.
    /// </summary>
    protected bool CanRunNetworks(EffectServices services, string modelId, InferenceBackend backend, FallbackPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(services);
        var needsOrt = FirstBackend(services, backend, policy) != InferenceBackend.GpuCompute;
        if ((services.Ort is not null || !needsOrt) && services.Manifest is not null)
        {
            return true;
        }

        var missing = services.Ort is null && needsOrt ? "no ONNX Runtime environment" : "no model manifest";
        FallBack(services, $"{missing} was bound, so {modelId} cannot run");
        return false;
    }

    /// <summary>
    /// Loads <paramref name="card"/>'s verified file on <paramref name="backend"/> (resolved for the device: see
    /// <see cref="BackendSelection"/>): GPU compute first when it resolves to that, stepping down to ONNX Runtime
    /// (said once) when the model cannot be imported there; ONNX Runtime along <paramref name="policy"/>: GPU execution
    /// providers first when it allows them, then the CPU one, a provider step-down said once per binding (the
    /// machine's providers do not change with the model). GPU compute stores intermediates as <paramref name="gpuStorage"/>.
    /// On failure falls back with the reason and returns false.
    /// </summary>
    protected bool TryLoadNetwork(EffectServices services, ModelCard card, int? expectedScale, FallbackPolicy policy,
        InferenceBackend backend, TensorStorage gpuStorage, [NotNullWhen(true)] out string? provider)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(card);
        provider = null;
        string path;
        try
        {
            EdgePadding = EdgePadding.For(card);
            path = services.Manifest!.ResolveVerifiedFile(card);
        }
        catch (Exception e) when (e is NeuralPostException or IOException or UnauthorizedAccessException)
        {
            FallBack(services, $"model {card.Id} failed to load: {Describe(e)}");
            return false;
        }

        _loadedCard = card;
        _loadedPath = path;
        _loadedExpectedScale = expectedScale;
        _loadedPolicy = policy;
        if (FirstBackend(services, backend, policy) == InferenceBackend.GpuCompute)
        {
            try
            {
                GpuNetwork = GpuImageNetwork.FromRunner(services.OpenGpuRunner(services.Device, path, new GpuComputeOptions { Storage = gpuStorage }), path, expectedScale);
                _activeModelId = card.Id;
                provider = GpuNetwork.Runner.Description;
                return true;
            }
            catch (Exception e) // Whatever the importer or the driver throws, ONNX Runtime may still run the model.
            {
                services.Log($"{PassName}: GPU compute cannot run {card.Id}: {Describe(e)}; using ONNX Runtime");
            }
        }

        return TryLoadOnnxRuntime(services, out provider);
    }

    /// <summary>
    /// After a GPU-compute failure (a run that threw, a plan that would not bind, a failed output check): frees the
    /// GPU network, says so once, and loads the same model on ONNX Runtime, or falls back to the non-neural path.
    /// Returns whether a network runs now. On the ONNX Runtime path it is <see cref="FallBack"/>.
    /// </summary>
    protected bool FailRun(EffectServices services, string reason)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (GpuNetwork is null || _loadedCard is not { } card)
        {
            FallBack(services, reason);
            return false;
        }

        ReleaseNetwork();
        services.Log($"{PassName}: GPU compute failed on {card.Id}: {reason}; using ONNX Runtime");
        if (!TryLoadOnnxRuntime(services, out var provider))
        {
            return false;
        }

        _status = $"{card.Id} on {provider} (GPU compute failed: {reason})";
        return true;
    }

    /// <summary>
    /// Steps down from GPU compute when the output check of <paramref name="tensors"/> has come back failed; returns
    /// whether it did. Never blocks.
    /// </summary>
    private protected bool StepDownOnFailedCheck(EffectServices services, NetworkTensors? tensors)
    {
        if (tensors?.Check?.Poll() is not { } reason)
        {
            return false;
        }

        FailRun(services, reason);
        return true;
    }

    /// <summary>The backend tried first: the setting resolved for the device, and never GPU compute under a CPU-only policy picked by Auto.</summary>
    private static InferenceBackend FirstBackend(EffectServices services, InferenceBackend backend, FallbackPolicy policy)
    {
        if (backend == InferenceBackend.Auto && policy == FallbackPolicy.CpuThenBilinear)
        {
            return InferenceBackend.OnnxRuntime; // that policy keeps the GPU for the game itself
        }

        return BackendSelection.Resolve(backend, services.Device.Description);
    }

    private bool TryLoadOnnxRuntime(EffectServices services, [NotNullWhen(true)] out string? provider)
    {
        provider = null;
        var card = _loadedCard!;
        if (services.Ort is null)
        {
            FallBack(services, $"no ONNX Runtime environment was bound, so {card.Id} cannot run");
            return false;
        }

        ModelLoader.Loaded loaded;
        try
        {
            loaded = ModelLoader.Load(services.Ort, _loadedPath!, _loadedExpectedScale, _loadedPolicy);
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
        GpuNetwork?.Dispose();
        GpuNetwork = null;
        _activeModelId = null;
    }

    private void Release()
    {
        ReleaseNetwork();
        ReleaseResources();
        _configured = false;
    }
}
