using System.CommandLine;
using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>Parsing and set-up shared by <c>sample</c>, <c>capture</c> and <c>bench frame</c>.</summary>
internal static class SampleArguments
{
    /// <summary>Most frames a run renders or measures: a day at 60 frames per second is far past any useful run.</summary>
    public const int MaxFrames = 60 * 60 * 60 * 24;

    /// <summary>Parses <c>WIDTHxHEIGHT</c>, e.g. <c>960x540</c>.</summary>
    public static Size ParseSize(string text, string option) => SizeArgument.Parse(text, option);

    /// <summary>Parses a tier name, case-insensitively.</summary>
    public static UpscaleTier ParseTier(string text, string option) =>
        Enum.TryParse<UpscaleTier>(text, ignoreCase: true, out var tier) && Enum.IsDefined(tier) && !char.IsDigit(text[0])
            ? tier
            : throw new ArgumentException($"{option} must be one of {string.Join('|', Enum.GetNames<UpscaleTier>())}, not '{text}'");

    /// <summary>Parses <c>on</c> or <c>off</c>.</summary>
    public static bool ParseOnOff(string text, string option) => text.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{option} must be on or off, not '{text}'"),
    };

    /// <summary>
    /// A string option limited to <paramref name="choices"/> (any case). A value outside them is a parse error, so
    /// it exits with the usage code and one line naming the choices, not a failure half-way through a run.
    /// </summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] choices) =>
        new Option<string>(name)
        {
            Description = $"{string.Join('|', choices)}: {description}",
            DefaultValueFactory = _ => defaultValue,
        }.AcceptOnlyChoices(choices);

    /// <summary>Parses <c>output</c> or <c>render</c>, the values of <c>--dehaze-at</c>.</summary>
    public static DehazePlacement ParseDehazePlacement(string text, string option) => text.ToLowerInvariant() switch
    {
        "output" => DehazePlacement.Output,
        "render" => DehazePlacement.Render,
        _ => throw new ArgumentException($"{option} must be output or render, not '{text}'"),
    };

    /// <summary>Says where a placement puts the dehaze pass, for the commands' output.</summary>
    public static string Describe(DehazePlacement placement) => placement == DehazePlacement.Render
        ? "before the upscaler at render resolution"
        : "after the upscaler at output resolution";

    /// <summary>
    /// ONNX Runtime, the manifest and the once-per-message log for the sample. A missing runtime or manifest is
    /// logged, not fatal: the passes then run their fallbacks and say so in their status.
    /// </summary>
    public static SampleEnvironment CreateEnvironment(CliContext context)
    {
        var logger = new OnceLogger(context.Err);
        OrtEnvironmentOrNull(context, logger, out var ort);
        ModelManifest? manifest = null;
        try
        {
            manifest = context.Manifest;
        }
        catch (NeuralPostException e)
        {
            logger.Log($"no model manifest, the passes fall back: {CliApp.OneLine(e.Message)}");
        }

        return new SampleEnvironment(ort, manifest, logger.Log);
    }

    private static void OrtEnvironmentOrNull(CliContext context, OnceLogger logger, out Inference.OnnxEnvironment? ort)
    {
        try
        {
            // The passes' log is the engine's log, so ONNX Runtime's warnings go there too, each said once.
            ort = Inference.OnnxEnvironment.Create(logger.Log, context.Verbose ? Inference.OnnxLogSeverity.Info : Inference.OnnxLogSeverity.Warning);
        }
        catch (NeuralPostException e)
        {
            logger.Log($"ONNX Runtime unavailable, the passes fall back: {CliApp.OneLine(e.Message)}");
            ort = null;
        }
    }
}
