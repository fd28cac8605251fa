using System.Globalization;
using NeuralPost.Core;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// The held-out game set (<c>eval --set game</c>): <see cref="Frames"/> consecutive frames of the sample scene along
/// its camera path, HR at <see cref="Size"/> with LR made by MATLAB bicubic at <see cref="Scale"/>.
/// </summary>
/// <param name="CitySeed">City layout of the frames.</param>
/// <param name="FirstVariation">Capture variation whose light and fog the sequence holds, and where its camera starts.</param>
/// <param name="Frames">Number of frames, at least two so there is a frame-to-frame change to measure.</param>
/// <param name="Size">HR frame size; divides by <paramref name="Scale"/>.</param>
/// <param name="Scale">Super-resolution scale of the LR frames.</param>
/// <param name="StepSeconds">Camera time between frames.</param>
public sealed record GameSetDefinition(int CitySeed, int FirstVariation, int Frames, Size Size, int Scale, double StepSeconds)
{
    /// <summary>
    /// City layout 5: training captures use 1 (super-resolution) and 1, 3, 4 (dehaze), and 2 is the dehaze held-out
    /// set, so no network has seen this city.
    /// </summary>
    public const int HeldOutCitySeed = 5;

    /// <summary>
    /// Revision of the sample scene's city generator, stored in the manifest so a set rendered by an older one is
    /// rebuilt. 2: seeds mixed before use (under 1, neighbouring seeds built largely the same city).
    /// </summary>
    public const int SceneGeneration = 2;

    /// <summary>Frames in the standard set: enough pairs for a steady mean, few enough for imdn-x2 on a CPU.</summary>
    public const int DefaultFrames = 12;

    /// <summary>Camera step of a 30 fps game (the sample's headless time step), so frame-to-frame change is a game's.</summary>
    public const double DefaultStepSeconds = 1.0 / 30.0;

    /// <summary>The standard HR size: a quarter of 1080p per side, small enough to score every shipped network on a CPU.</summary>
    public static readonly Size DefaultSize = new(480, 270);

    /// <summary>The name <c>--set</c> takes and the card's metrics key.</summary>
    public const string SetName = "game";

    /// <summary>The standard set at <paramref name="scale"/>, optionally shortened or shrunk (tests).</summary>
    /// <exception cref="NeuralPostException">The size does not divide by the scale, or fewer than two frames.</exception>
    public static GameSetDefinition For(int scale, int? frames = null, Size? size = null)
    {
        var definition = new GameSetDefinition(HeldOutCitySeed, 0, frames ?? DefaultFrames, size ?? DefaultSize, scale, DefaultStepSeconds);
        if (definition.Frames < 2)
        {
            throw new NeuralPostException($"the game set needs at least 2 frames to measure frame-to-frame change, not {definition.Frames}");
        }

        if (definition.Size.Width % scale != 0 || definition.Size.Height % scale != 0 || definition.Size.Width < scale || definition.Size.Height < scale)
        {
            throw new NeuralPostException($"the game set's HR size {definition.Size} must be a positive multiple of the scale {scale}");
        }

        return definition;
    }

    /// <summary>One line per field, stored beside the frames: a set whose text differs is rebuilt.</summary>
    public string ManifestText() => string.Create(CultureInfo.InvariantCulture,
        $"sceneGeneration={SceneGeneration}\ncitySeed={CitySeed}\nfirstVariation={FirstVariation}\nframes={Frames}\nsize={Size.Width}x{Size.Height}\nscale={Scale}\nstepSeconds={StepSeconds:R}\n");

    /// <summary>A one-line description for the report.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"game set: city seed {CitySeed} (held out of training), {Frames} consecutive frames along the camera path from variation {FirstVariation}, {1 / StepSeconds:F0} fps, HR {Size.Width}x{Size.Height}, x{Scale}");
}
