using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Inference;

namespace NeuralPost.Editor.Cli;

/// <summary>What every command shares: the output streams and, created on first use, the ONNX Runtime environment.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool verbose)
{
    private ModelManifest? _manifest;

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public bool Verbose { get; } = verbose;

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
    public (string Path, ModelCard? Card) ResolveModel(string idOrPath)
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
        return (Manifest.ResolveVerifiedFile(card), card);
    }

    /// <summary>Loads a dehaze network (id or file) for CPU use; dispose the returned model when done.</summary>
    public (Effects.ImageNetwork Model, Effects.Dehaze.OfflineDehazer Dehazer, ModelCard? Card) LoadDehazer(string idOrPath)
    {
        var (path, card) = ResolveModel(idOrPath);
        var model = Effects.ImageNetwork.Load(Environment, path, expectedScale: 1);
        try
        {
            var multiple = card is null ? 16 : Effects.Dehaze.OfflineDehazer.ReadSizeMultiple(card);
            return (model, new Effects.Dehaze.OfflineDehazer(model, multiple), card);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Options for a list of execution providers in preference order (CPU is always last); one that cannot be
    /// appended fails the command, since the user asked for it by name.
    /// </summary>
    public static RunnerOptions CreateRunnerOptions(IReadOnlyList<string> providers, int threads) =>
        new() { Providers = providers, IntraOpThreads = threads, RequireProviders = true };
}
