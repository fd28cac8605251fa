using System.Diagnostics;

namespace NeuralPost.Tests.Graphics;

/// <summary>A private Xvfb display for windowed tests; killed on dispose.</summary>
internal sealed class XvfbServer : IDisposable
{
    private readonly Process _process;

    private XvfbServer(Process process, string display)
    {
        _process = process;
        Display = display;
    }

    public string Display { get; }

    /// <summary>Starts Xvfb on a free display number, or returns null with the reason when it cannot.</summary>
    public static XvfbServer? TryStart(out string reason)
    {
        var executable = new[] { "/usr/bin/Xvfb", "/usr/local/bin/Xvfb" }.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            reason = "Xvfb is not installed";
            return null;
        }

        for (var number = 90 + Environment.ProcessId % 50; number < 400; number++)
        {
            if (File.Exists($"/tmp/.X{number}-lock") || File.Exists($"/tmp/.X11-unix/X{number}"))
            {
                continue;
            }

            var process = Process.Start(new ProcessStartInfo(executable, $":{number} -screen 0 640x480x24 -nolisten tcp")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                continue;
            }

            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !process.HasExited && !File.Exists($"/tmp/.X11-unix/X{number}"))
            {
                Thread.Sleep(50);
            }

            if (!process.HasExited && File.Exists($"/tmp/.X11-unix/X{number}"))
            {
                reason = string.Empty;
                return new XvfbServer(process, $":{number}");
            }

            if (!process.HasExited)
            {
                NativeEnvironment.Terminate(process.Id);
                process.WaitForExit(5000);
            }

            process.Dispose();
        }

        reason = "Xvfb did not start on any display number";
        return null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            NativeEnvironment.Terminate(_process.Id);
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
