using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;

namespace NeuralPost.Cli.Commands;

/// <summary>The options <c>bench frame</c> and <c>bench soak</c> share: measured and warm-up frames, and the tiers.</summary>
internal static class BenchArguments
{
    /// <summary><c>--frames</c>: measured frames per tier or configuration.</summary>
    public static Option<int> Frames(int defaultValue, string per) =>
        new Option<int>("--frames") { Description = $"Measured frames per {per}, 1 to {SampleArguments.MaxFrames}", DefaultValueFactory = _ => defaultValue }
            .Within(1, SampleArguments.MaxFrames);

    /// <summary><c>--warmup</c>: frames rendered before measuring.</summary>
    public static Option<int> Warmup(int defaultValue, string per) =>
        new Option<int>("--warmup") { Description = $"Frames discarded per {per} before measuring, 0 to {SampleArguments.MaxFrames}", DefaultValueFactory = _ => defaultValue }
            .Within(0, SampleArguments.MaxFrames);

    /// <summary><c>--tiers</c>: tier names, space- or comma-separated.</summary>
    public static Option<string[]> Tiers(string description, params string[] defaults) => new("--tiers")
    {
        Description = $"{description} (space- or comma-separated)",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => defaults,
    };

    /// <summary>Parses the values of <see cref="Tiers"/>.</summary>
    public static UpscaleTier[] ParseTiers(string[]? values) => (values ?? [])
        .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(t => SampleArguments.ParseTier(t, "--tiers"))
        .ToArray();
}
