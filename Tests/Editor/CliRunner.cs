using System.Diagnostics;
using NeuralPost.Cli;

namespace NeuralPost.Tests.Editor;

/// <summary>Runs the CLI in process (fast) or as a child process (for process-wide faults such as a missing native library).</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static (int ExitCode, string Out, string Err) RunProcess(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProcessIn(TestContext.CurrentContext.TestDirectory, environment, args);

    /// <summary>Runs the CLI from a copy of the build in <paramref name="directory"/> (e.g. one lacking a native library).</summary>
    public static (int ExitCode, string Out, string Err) RunProcessIn(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(directory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not exit within 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the CLI from the build in <paramref name="directory"/> with stdout and stderr redirected; the caller reads and waits.</summary>
    public static Process Start(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, "NeuralPost.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
