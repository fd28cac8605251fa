using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Editor.Cli;

/// <summary>What every command shares: the output streams and, created on first use, the ONNX Runtime environment.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool verbose)
{
    private ModelManifest? _manifest;

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public bool Verbose { get; } = verbose;

    /// <summary>
    /// Creates the headless device <c>--backend gpu</c> runs on; the host that has a graphics backend sets it (the
    /// Editor cannot reference one). Null: offline commands have no GPU and say so.
    /// </summary>
    public static Func<IGraphicsDevice>? HeadlessDeviceFactory { get; set; }

    /// <summary>What runs the networks this command loads (<c>--backend</c>); ONNX Runtime unless set.</summary>
    public InferenceBackend Backend { get; init; } = InferenceBackend.OnnxRuntime;

    /// <summary>How GPU compute stores intermediate tensors (<c>--gpu-storage</c>); fp16 unless set, as the passes.</summary>
    public TensorStorage GpuStorage { get; init; } = TensorStorage.Float16;

    /// <summary>The process's ONNX Runtime environment, its log routed to <see cref="Err"/>.</summary>
    /// <exception cref="OnnxRuntimeMissingException">The native library could not be loaded.</exception>
    public OnnxEnvironment Environment => OnnxEnvironment.Create(
        line => Err.WriteLine(line),
        // Failures reach the user as one-line exceptions, so ONNX Runtime's own log stays quiet unless asked for.
        Verbose ? OnnxLogSeverity.Info : OnnxLogSeverity.Fatal);

    public ModelManifest Manifest => _manifest ??= ModelManifest.LoadDefault();

    /// <summary>
    /// Resolves a model argument: an existing path (or any <c>.onnx</c> name) is used as a file; anything else
    /// is a manifest id whose file is hash-checked.
    /// </summary>
    /// <exception cref="NeuralPostException">The card's kind belongs to another command than <paramref name="use"/>.</exception>
    public (string Path, ModelCard? Card) ResolveModel(string idOrPath, ModelUse? use = null)
    {
        if (File.Exists(idOrPath) || idOrPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(idOrPath))
            {
                throw new ModelManifestException($"model file not found: {Path.GetFullPath(idOrPath)}");
            }

            return (Path.GetFullPath(idOrPath), null);
        }

        var card = Manifest.Get(idOrPath);
        if (use is { } command)
        {
            ModelUses.Require(card, command);
        }

        return (Manifest.ResolveVerifiedFile(card), card);
    }

    /// <summary>
    /// Loads a super-resolution network (id or file); dispose the returned model when done. A model of another
    /// kind is refused with the command it belongs to.
    /// </summary>
    /// <param name="idOrPath">Manifest id or <c>.onnx</c> path.</param>
    /// <param name="options">Runner options; CPU defaults when null.</param>
    /// <param name="expectedScale">The scale the model must have; the card's when null.</param>
    public (Effects.ImageNetwork Model, ModelCard? Card, string Path) LoadUpscaler(string idOrPath, RunnerOptions? options = null, int? expectedScale = null)
    {
        var (path, card) = ResolveModel(idOrPath, ModelUse.Upscale);
        var model = LoadNetwork(path, options, expectedScale ?? card?.Scale);
        try
        {
            ModelUses.Require(card?.Id ?? System.IO.Path.GetFileName(path), model.Scale, ModelUse.Upscale);
            return (model, card, path);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads a dehaze network (id or file) for CPU use; dispose the returned model when done.</summary>
    public (Effects.ImageNetwork Model, Effects.Dehaze.OfflineDehazer Dehazer, ModelCard? Card) LoadDehazer(string idOrPath,
        EdgeMode edgeMode = EdgeMode.Replicate)
    {
        var (path, card) = ResolveModel(idOrPath, ModelUse.Dehaze);
        var model = LoadNetwork(path, options: null, card?.Scale);
        try
        {
            ModelUses.Require(card?.Id ?? System.IO.Path.GetFileName(path), model.Scale, ModelUse.Dehaze);
            var multiple = card is null ? 16 : Effects.Dehaze.OfflineDehazer.ReadSizeMultiple(card);
            return (model, new Effects.Dehaze.OfflineDehazer(model, multiple, EdgePadding.For(card, edgeMode)), card);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a network on <see cref="Backend"/>: GPU compute on a headless device when asked and possible, else
    /// (with a note on stderr saying why) ONNX Runtime.
    /// </summary>
    private Effects.ImageNetwork LoadNetwork(string path, RunnerOptions? options, int? expectedScale)
    {
        if (Backend == InferenceBackend.GpuCompute && TryLoadOnGpu(path, expectedScale) is { } onGpu)
        {
            return onGpu;
        }

        return Effects.ImageNetwork.Load(Environment, path, options, expectedScale);
    }

    private Effects.ImageNetwork? TryLoadOnGpu(string path, int? expectedScale)
    {
        if (HeadlessDeviceFactory is not { } createDevice)
        {
            NoteGpuFallback("this host has no graphics backend");
            return null;
        }

        IGraphicsDevice device;
        try
        {
            device = createDevice();
        }
        catch (GraphicsUnavailableException e)
        {
            NoteGpuFallback($"no headless OpenGL device: {OneLine.Of(e.Message)}");
            return null;
        }

        IGpuNetworkRunner runner;
        try
        {
            runner = GpuComputeRunner.Open(device, path, new GpuComputeOptions { Storage = GpuStorage });
        }
        catch (NeuralPostException e)
        {
            device.Dispose();
            NoteGpuFallback($"{e.GetType().Name}: {OneLine.Of(e.Message)}");
            return null;
        }

        try
        {
            // The hosted runner owns the device: it goes when the network is disposed (or fails its contract check).
            return Effects.ImageNetwork.FromRunner(new HostedGpuNetworkRunner(runner, device, ownsDevice: true), path, expectedScale);
        }
        catch (NeuralPostException e)
        {
            NoteGpuFallback($"{e.GetType().Name}: {OneLine.Of(e.Message)}");
            return null;
        }
    }

    private void NoteGpuFallback(string reason) =>
        Err.WriteLine($"neuralpost: note: --backend gpu: {reason}; running on ONNX Runtime instead");

    /// <summary>
    /// Options for a list of execution providers in preference order (CPU is always last); one that cannot be
    /// appended fails the command, since the user asked for it by name.
    /// </summary>
    public static RunnerOptions CreateRunnerOptions(IReadOnlyList<string> providers, int threads) =>
        new() { Providers = providers, IntraOpThreads = threads, RequireProviders = true };
}
