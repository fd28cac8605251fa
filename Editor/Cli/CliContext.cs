using NeuralPost.Core;
using NeuralPost.Onnx;

namespace NeuralPost.Editor.Cli;

/// <summary>What every command shares: the output streams and, created on first use, the ONNX Runtime environment.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool verbose) : IDisposable
{
    private OrtEnvironment? _environment;
    private ModelManifest? _manifest;

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public bool Verbose { get; } = verbose;

    public OrtEnvironment Environment => _environment ??= new OrtEnvironment(
        // Failures reach the user as one-line exceptions, so ORT's own log stays quiet unless asked for.
        Verbose ? OrtLoggingLevel.Info : OrtLoggingLevel.Fatal,
        message => Err.WriteLine($"onnxruntime {message.Severity}: {message.Message.ReplaceLineEndings(" ")}"));

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
    public (Effects.Upscale.SuperResolutionModel Model, Effects.Dehaze.OfflineDehazer Dehazer, ModelCard? Card) LoadDehazer(string idOrPath)
    {
        var (path, card) = ResolveModel(idOrPath);
        var model = Effects.Upscale.SuperResolutionModel.Load(Environment, path, expectedScale: 1);
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

    /// <summary>Session options for a list of execution providers in preference order (CPU is always last).</summary>
    public SessionOptions CreateSessionOptions(IReadOnlyList<string> providers, int threads)
    {
        // ORT's providers log through the environment's logger, so the environment must exist before they are appended.
        _ = Environment;
        var options = new SessionOptions();
        try
        {
            if (threads > 0)
            {
                options.IntraOpThreads = threads;
            }

            foreach (var provider in providers)
            {
                options.AppendExecutionProvider(provider);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    public void Dispose() => _environment?.Dispose();
}
