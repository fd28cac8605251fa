using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// Routes ORT's native log callback to a .NET delegate. The delegate travels as a <see cref="GCHandle"/> in the
/// callback's user parameter, so one static, allocation-free function pointer serves every environment.
/// </summary>
internal static unsafe class OrtLogBridge
{
    private static readonly Lock s_lock = new();
    private static readonly List<GCHandle> s_retiredLoggers = [];
    private static int s_liveEnvironments;

    /// <summary>The native callback ORT calls; pass it as <c>OrtLoggingFunction</c>.</summary>
    internal static nint CallbackPointer =>
        (nint)(delegate* unmanaged[Cdecl]<nint, OrtLoggingLevel, byte*, byte*, byte*, byte*, void>)&OnLog;

    /// <summary>True while at least one native environment is alive in this process.</summary>
    internal static bool AnyEnvironmentAlive
    {
        get
        {
            lock (s_lock)
            {
                return s_liveEnvironments > 0;
            }
        }
    }

    /// <summary>Counts an environment as alive; pair with <see cref="EnvironmentReleased"/>.</summary>
    internal static void EnvironmentCreated()
    {
        lock (s_lock)
        {
            s_liveEnvironments++;
        }
    }

    /// <summary>
    /// Called after an environment was released. ORT shares one native environment per process and keeps the
    /// first creator's logger until the last reference goes, so a logger handle can only be freed safely once
    /// no environment is alive; until then it is parked here.
    /// </summary>
    internal static void EnvironmentReleased(GCHandle logger)
    {
        lock (s_lock)
        {
            if (logger.IsAllocated)
            {
                s_retiredLoggers.Add(logger);
            }

            s_liveEnvironments--;
            if (s_liveEnvironments == 0)
            {
                foreach (var handle in s_retiredLoggers)
                {
                    handle.Free();
                }

                s_retiredLoggers.Clear();
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnLog(nint param, OrtLoggingLevel severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception escaping into native code would tear down the process, so every failure stops here.
        try
        {
            if (param == 0 || GCHandle.FromIntPtr(param).Target is not Action<OrtLogMessage> logger)
            {
                return;
            }

            logger(new OrtLogMessage(
                severity,
                Utf8Text.FromNative(category) ?? string.Empty,
                Utf8Text.FromNative(logId) ?? string.Empty,
                Utf8Text.FromNative(codeLocation) ?? string.Empty,
                Utf8Text.FromNative(message) ?? string.Empty));
        }
#pragma warning disable CA1031 // The callback must never throw into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
