using NeuralPost.Core;

namespace NeuralPost.Samples.FoggyStreets.App;

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
public sealed record CaptureOptions(CapturePairs Pairs, int Count, string OutputDirectory, Size Size, int Scale = 2);
