using System.Runtime.InteropServices;

namespace NeuralPost.Tests.Graphics;

/// <summary>
/// libc's environment and signals. .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> only
/// changes a managed copy on Unix, but GLFW reads DISPLAY with getenv, so the native environment must change.
/// </summary>
internal static unsafe class NativeEnvironment
{
    private const int SigTerm = 15;

    private static readonly nint Libc = NativeLibrary.Load("libc.so.6");

    public static void Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* n = nameBytes)
        {
            if (value is null)
            {
                ((delegate* unmanaged[Cdecl]<byte*, int>)NativeLibrary.GetExport(Libc, "unsetenv"))(n);
                return;
            }

            var valueBytes = System.Text.Encoding.UTF8.GetBytes(value + "\0");
            fixed (byte* v = valueBytes)
            {
                ((delegate* unmanaged[Cdecl]<byte*, byte*, int, int>)NativeLibrary.GetExport(Libc, "setenv"))(n, v, 1);
            }
        }
    }

    /// <summary>Asks a process to exit with SIGTERM, which lets Xvfb remove its socket and lock file (SIGKILL does not).</summary>
    public static void Terminate(int processId) =>
        ((delegate* unmanaged[Cdecl]<int, int, int>)NativeLibrary.GetExport(Libc, "kill"))(processId, SigTerm);
}
