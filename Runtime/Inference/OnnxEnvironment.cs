using Microsoft.ML.OnnxRuntime;

namespace NeuralPost.Inference;

/// <summary>
/// The process's one ONNX Runtime environment (<see cref="OrtEnv"/> is a process singleton), created on the
/// first <see cref="Create"/> with a logging function that forwards ONNX Runtime's log to the engine's log.
/// </summary>
/// <remarks>
/// Later calls return the same environment and re-route the log to the latest <c>log</c> and severity, so the
/// application that created the last one owns the log. Create it before any other use of the official API in the
/// process: an <see cref="OrtEnv"/> made elsewhere first is adopted, but its log stays where it was sent (said once on <c>log</c>). The environment lives until the process exits: ONNX Runtime
/// keeps a pointer to the logging function and sessions keep the environment, so there is nothing to dispose.
/// </remarks>
public sealed class OnnxEnvironment
{
    private static readonly Lock s_lock = new();

    // Held in a static field so the delegate ONNX Runtime calls back into is never collected.
    private static readonly DOrtLoggingFunction s_forward = Forward;
    private static OnnxEnvironment? s_instance;
    private static Action<string>? s_log;

    private OnnxEnvironment(OrtEnv env)
    {
        Env = env;
        Version = env.GetVersionString();
        AvailableProviders = env.GetAvailableProviders();
    }

    /// <summary>The ONNX Runtime release, e.g. <c>1.31.1</c>.</summary>
    public string Version { get; }

    /// <summary>Execution providers this ONNX Runtime build has (long names, e.g. <c>CPUExecutionProvider</c>).</summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtEnv Env { get; }

    /// <summary>
    /// Returns the environment, creating it on first use, and routes ONNX Runtime's messages of at least
    /// <paramref name="minimum"/> severity to <paramref name="log"/> as <c>onnxruntime warning: ...</c> lines.
    /// </summary>
    /// <param name="log">Receives one line per message; ONNX Runtime may call it from its worker threads.</param>
    /// <param name="minimum">The least severe message passed on.</param>
    /// <exception cref="OnnxRuntimeMissingException">The native library could not be loaded.</exception>
    public static OnnxEnvironment Create(Action<string> log, OnnxLogSeverity minimum = OnnxLogSeverity.Warning)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (s_lock)
        {
            Volatile.Write(ref s_log, log);
            var level = (OrtLoggingLevel)minimum;
            try
            {
                if (s_instance is null)
                {
                    s_instance = new OnnxEnvironment(CreateOrAdopt(level, log));
                }
                else
                {
                    s_instance.Env.EnvLogLevel = level;
                }
            }
            catch (Exception e) when (OnnxRuntimeMissingException.FromLoadFailure(e) is { } missing)
            {
                throw missing;
            }

            return s_instance;
        }
    }

    private static OrtEnv CreateOrAdopt(OrtLoggingLevel level, Action<string> log)
    {
        var options = new EnvironmentCreationOptions { logId = "neuralpost", logLevel = level, loggingFunction = s_forward };
        try
        {
            return OrtEnv.CreateInstanceWithOptions(ref options);
        }
        catch (OnnxRuntimeException e)
        {
            // Other code in the process used the official API first, so its OrtEnv (and its logger) is the process's.
            log($"onnxruntime: the process's ONNX Runtime environment was created before NeuralPost's, so its log is not routed here ({OneLine.Of(e.Message)})");
            return OrtEnv.Instance();
        }
    }

    private static void Forward(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        try
        {
            Volatile.Read(ref s_log)?.Invoke($"onnxruntime {Severity(severity)}: {OneLine.Of(message)}");
        }
#pragma warning disable CA1031 // An exception escaping into ONNX Runtime's native caller would end the process; a lost log line is better.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static string Severity(OrtLoggingLevel level) => level switch
    {
        OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => "verbose",
        OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => "info",
        OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => "warning",
        OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => "error",
        _ => "fatal",
    };
}
