using System.Diagnostics;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// Runs small scripts under /usr/bin/python3 so tests can check our output with independent decoders (pypng,
/// PIL). When python or the module is missing the calling test is ignored with the reason, never passed.
/// </summary>
internal static class PngPython
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns its standard output.</summary>
    public static string Run(string module, string script, params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed, so the independent {module} check cannot run");
        }

        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"import {module}\n{script}");
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("python did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && stderr.Contains("ModuleNotFoundError", StringComparison.Ordinal))
        {
            Assert.Ignore($"python module {module} is not installed, so the independent check cannot run");
        }

        Assert.That(process.ExitCode, Is.Zero, $"python failed: {stderr}");
        return stdout.Result;
    }
}
