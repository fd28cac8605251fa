using System.Text.Json;
using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects.Dehaze;

/// <summary>
/// Removes haze with a same-size network (manifest kind <c>dehaze</c>, 1x3xHxW in and out) and blends its output
/// with the input by <see cref="DehazeSettings.Strength"/>, on the same GPU/CPU tensor round trip as the upscaler.
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
public sealed class Dehaze : Component, IPostProcess
{
    /// <summary>Card field naming the multiple a dehaze network needs its input sides to be.</summary>
    public const string SizeMultipleField = "sizeMultiple";

    private DehazeSettings _settings = new();
    private EffectServices? _services;
    private DehazeResources? _resources;
    private ImageNetwork? _model;
    private int _sizeMultiple = 1;
    private string? _configuredModelId;
    private bool _configured;
    private bool _reportedUnbound;
    private bool _reportedGpuFallback;

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

    /// <summary>
    /// What the pass does, e.g. <c>dehaze on CPU EP</c>, <c>disabled</c> or
    /// <c>pass-through: no dehaze model 'dehaze' installed</c>.
    /// </summary>
    public string Status { get; private set; } = "not rendered yet";

    /// <summary>Manifest id of the running dehaze network, or null when frames pass through.</summary>
    public string? ActiveModelId { get; private set; }

    /// <summary>Gives the pass the application's services; call it before the first frame.</summary>
    public void Bind(EffectServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Release();
        _services = services;
        _reportedUnbound = false;
        _reportedGpuFallback = false;
    }

    /// <inheritdoc/>
    public Size GetOutputSize(Size input, Camera camera) => input;

    /// <inheritdoc/>
    public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        if (!_settings.IsActive())
        {
            Status = "disabled";
            PassThrough(source, destination, context);
            return;
        }

        if (_services is null)
        {
            ReportUnbound();
            PassThrough(source, destination, context);
            return;
        }

        Configure(_services);
        if (_model is null)
        {
            PassThrough(source, destination, context);
            return;
        }

        var resources = _resources!;
        resources.Timer.Begin();
        try
        {
            RunNetwork(resources, _model, source, destination);
            resources.Timer.End(context.Timings);
        }
        catch (Exception e) // Whatever broke, the frame must still come out; the reason is logged once.
        {
            resources.Timer.Cancel();
            Disable(_services, $"dehaze failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            PassThrough(source, destination, context);
        }
    }

    /// <inheritdoc/>
    protected override void OnEnable() => _configured = false;

    /// <inheritdoc/>
    protected override void OnDisable() => Release();

    /// <inheritdoc/>
    protected override void OnDestroy() => Release();

    private void RunNetwork(DehazeResources resources, ImageNetwork model, IRenderTarget source, IRenderTarget destination)
    {
        var device = resources.Device;
        var input = FrameTextures.Readable(device, source, resources.SourceCopy);
        var tensors = resources.GetTensors(model, source.Width, source.Height, _sizeMultiple);
        tensors.ToTensor(resources.Kernels, input);
        tensors.StartReadback();
        tensors.CompleteReadback();
        model.Run(tensors.Buffers);
        tensors.UploadOutput();
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

    /// <summary>Finds and loads the model once per model id (and again after re-binding or re-enabling).</summary>
    private void Configure(EffectServices services)
    {
        var modelId = _settings.ModelId;
        if (_configured && string.Equals(modelId, _configuredModelId, StringComparison.Ordinal))
        {
            return;
        }

        ReleaseModel();
        _configured = true;
        _configuredModelId = modelId;
        if (services.Ort is null || services.Manifest is null)
        {
            Disable(services, services.Ort is null ? "no ONNX Runtime environment was bound" : "no model manifest was bound");
            return;
        }

        if (!services.Manifest.Contains(modelId))
        {
            Disable(services, $"no dehaze model '{modelId}' installed");
            return;
        }

        var card = services.Manifest.Get(modelId);
        string provider;
        try
        {
            _sizeMultiple = OfflineDehazer.ReadSizeMultiple(card);
            var loaded = ModelLoader.Load(services.Ort, services.Manifest.ResolveVerifiedFile(card), expectedScale: 1, FallbackPolicy.GpuThenCpuThenBilinear);
            _model = loaded.Model;
            provider = loaded.Provider;
            // Said once per binding, as the upscaler does: the machine's providers do not change with the model.
            if (loaded.GpuFallbackReason is { } gpuFallback && !_reportedGpuFallback)
            {
                _reportedGpuFallback = true;
                services.Log($"Dehaze: no GPU inference: {gpuFallback}; using the CPU execution provider");
            }
        }
        catch (Exception e) when (e is NeuralPostException or IOException or UnauthorizedAccessException)
        {
            Disable(services, $"dehaze model '{modelId}' failed to load: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return;
        }

        _resources ??= new DehazeResources(services.Device);
        ActiveModelId = modelId;
        Status = $"{modelId} on {provider}";
    }

    /// <summary>Passes frames through for this configuration and logs why, once.</summary>
    private void Disable(EffectServices services, string reason)
    {
        ReleaseModel();
        Status = "pass-through: " + reason;
        services.Log($"Dehaze: passing frames through unchanged: {reason}");
    }

    private void ReportUnbound()
    {
        Status = "pass-through: not bound (call Bind with the application's services)";
        if (!_reportedUnbound)
        {
            _reportedUnbound = true;
            Console.Error.WriteLine($"Dehaze on '{GameObject.Name}': Bind was not called; passing frames through");
        }
    }

    private static void PassThrough(IRenderTarget source, IRenderTarget destination, PostProcessContext context) =>
        context.Copier.Blit(source, destination,
            source.Width == destination.Width && source.Height == destination.Height ? BlitFilter.Nearest : BlitFilter.Linear);

    private void ReleaseModel()
    {
        _resources?.ReleaseTensors();
        _model?.Dispose();
        _model = null;
        ActiveModelId = null;
    }

    private void Release()
    {
        ReleaseModel();
        _resources?.Dispose();
        _resources = null;
        _configured = false;
    }
}
