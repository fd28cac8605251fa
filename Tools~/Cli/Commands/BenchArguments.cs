using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;

namespace NeuralPost.Cli.Commands;

/// <summary>The options the <c>bench</c> commands share: measured and warm-up frames, tiers and sizes.</summary>
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

    /// <summary><c>--size</c> taking several output sizes, space- or comma-separated.</summary>
    public static Option<string[]> Sizes(string description, params string[] defaults) => new("--size")
    {
        Description = $"{description} (WIDTHxHEIGHT, space- or comma-separated)",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => defaults,
    };

    /// <summary>Parses the values of <see cref="Sizes"/>.</summary>
    /// <exception cref="ArgumentException">A value is not WIDTHxHEIGHT within the limits.</exception>
    public static Size[] ParseSizes(string[]? values) => Split(values).Select(s => SampleArguments.ParseSize(s, "--size")).ToArray();

    /// <summary>Parses the values of <see cref="Tiers"/>.</summary>
    public static UpscaleTier[] ParseTiers(string[]? values) => Split(values).Select(t => SampleArguments.ParseTier(t, "--tiers")).ToArray();

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
