using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// The ONNX Runtime environment (logging and global state) that sessions are created in.
/// </summary>
/// <remarks>
/// ORT keeps a single native environment per process: while one is alive, creating another returns the same
/// native object with the first one's logging level and logger. Dispose environments you no longer need.
/// Sessions keep their environment alive, so disposing it while sessions run is safe.
/// </remarks>
public sealed unsafe class OrtEnvironment : IDisposable
{
    private readonly OrtEnvHandle _handle;

    /// <summary>Creates an environment.</summary>
    /// <param name="level">Minimum severity ORT logs.</param>
    /// <param name="logger">Receives ORT's log messages; when null ORT logs to stderr itself.</param>
    /// <param name="logId">Identifier ORT puts in its log lines.</param>
    /// <param name="library">The library to use; <see cref="OrtLibrary.Shared"/> when null.</param>
    public OrtEnvironment(OrtLoggingLevel level = OrtLoggingLevel.Warning, Action<OrtLogMessage>? logger = null, string logId = "neuralpost", OrtLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(logId);
        Library = library ?? OrtLibrary.Shared;
        var api = Library.Api;
        using var id = new NativeUtf8(logId);
        var loggerHandle = logger is null ? default : GCHandle.Alloc(logger);
        nint env;
        var status = logger is null
            ? api.CreateEnv(level, id.Pointer, &env)
            : api.CreateEnvWithCustomLogger(OrtLogBridge.CallbackPointer, GCHandle.ToIntPtr(loggerHandle), level, id.Pointer, &env);
        if (status != 0)
        {
            if (loggerHandle.IsAllocated)
            {
                loggerHandle.Free();
            }

            throw api.TakeException(status, logger is null ? "CreateEnv" : "CreateEnvWithCustomLogger");
        }

        OrtLogBridge.EnvironmentCreated();
        _handle = new OrtEnvHandle(api, env, loggerHandle);
    }

    /// <summary>The library this environment was created from.</summary>
    public OrtLibrary Library { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtEnvHandle Handle => _handle;

    /// <summary>Drops this wrapper's reference; the native environment goes when its last session does.</summary>
    public void Dispose() => _handle.Dispose();
}
