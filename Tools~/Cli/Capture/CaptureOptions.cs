using NeuralPost.Core;

namespace NeuralPost.Cli.Capture;

/// <summary>Which training pairs <see cref="CaptureRunner"/> writes.</summary>
public enum CapturePairs
{
    /// <summary>Super-resolution: <c>HR/</c> frames and their MATLAB-bicubic downscales in <c>LR_xS/</c>.</summary>
    SuperResolution,

    /// <summary>Dehaze: <c>hazy/</c> frames and the same views without fog in <c>clear/</c>.</summary>
    Dehaze,
}

/// <summary>A capture job.</summary>
/// <param name="Pairs">Kind of pairs.</param>
/// <param name="Count">Number of pairs, at least one.</param>
/// <param name="OutputDirectory">Root folder of the pair folders.</param>
/// <param name="Size">Frame size (the HR size for super-resolution).</param>
/// <param name="Scale">Downscale factor of the LR frames (super-resolution only); the size must divide by it.</param>
/// <param name="CitySeed">City layout; a held-out set uses a layout that training never saw.</param>
/// <param name="First">Index of the first capture, so several runs can write disjoint variations.</param>
/// <param name="PathStepSeconds">
/// Null: each capture is its own variation (<see cref="CaptureVariation.For"/>). Set: the captures are a camera-path
/// sequence from variation <paramref name="First"/>, this many seconds apart (<see cref="CaptureVariation.AlongPath"/>).
/// </param>
public sealed record CaptureOptions(CapturePairs Pairs, int Count, string OutputDirectory, Size Size, int Scale = 2,
    int CitySeed = 1, int First = 0, double? PathStepSeconds = null)
{
    /// <summary>Scene options and camera time of capture <paramref name="index"/> (from <see cref="First"/> on).</summary>
    public (Samples.FoggyStreets.Scene.SceneOptions Options, double CameraTime) Variation(int index) => PathStepSeconds is { } step
        ? CaptureVariation.AlongPath(First, index - First, step, CitySeed)
        : CaptureVariation.For(index, citySeed: CitySeed);

    /// <summary>File name of capture <paramref name="index"/>: the city seed is in the name, so sets never collide.</summary>
    public string FileName(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"city{CitySeed}-{index:D4}.png");
}
