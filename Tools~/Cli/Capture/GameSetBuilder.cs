using System.Globalization;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Graphics;

namespace NeuralPost.Cli.Capture;

/// <summary>
/// Renders the game set (<see cref="GameSetDefinition"/>) through the capture code: a camera-path sequence of
/// super-resolution pairs, laid out as a benchmark set (<c>HR_x&lt;s&gt;</c>/<c>LR_x&lt;s&gt;</c>).
/// </summary>
internal static class GameSetBuilder
{
    /// <summary>Builds <paramref name="definition"/> into <paramref name="folder"/> on a device from <paramref name="createDevice"/>.</summary>
    public static void Build(Func<IGraphicsDevice> createDevice, GameSetDefinition definition, string folder, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(createDevice);
        ArgumentNullException.ThrowIfNull(definition);
        using var device = createDevice();
        var options = new CaptureOptions(CapturePairs.SuperResolution, definition.Frames, folder, definition.Size, definition.Scale,
            definition.CitySeed, definition.FirstVariation, definition.StepSeconds);
        var (high, _) = CaptureRunner.Run(device, options, log);

        // Capture names its HR folder for training; benchmark sets name it by scale, which BenchmarkPairs opens.
        Directory.Move(high, Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"HR_x{definition.Scale}")));
    }
}
