using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Carries what an input held beyond 8-bit RGB (alpha, grey) through <c>upscale</c> and <c>dehaze</c>, whose
/// networks only see RGB, and says once on stderr what the output cannot keep, so nothing is lost silently.
/// </summary>
internal static class KeptChannels
{
    /// <summary>Writes one line on <paramref name="error"/> per thing <paramref name="outputPath"/> will not keep.</summary>
    public static void Notice(DecodedImage input, string inputPath, string outputPath, TextWriter error)
    {
        // The networks and Rgb8Image are 8-bit; the 16-bit samples were read by their high byte.
        if (input.Info.BitsPerSample == 16)
        {
            error.WriteLine($"neuralpost: {inputPath} is 16-bit: written as 8-bit");
        }

        if (input.Info.HasAlpha && ImageFileFormats.FromPath(outputPath) == ImageFileFormat.Jpeg)
        {
            error.WriteLine($"neuralpost: {inputPath} has an alpha channel but JPEG has none: {outputPath} is written opaque (use .png or .webp to keep it)");
        }
    }

    /// <summary>
    /// <paramref name="result"/>, the network's output for <paramref name="input"/> at <paramref name="scale"/>,
    /// with the input's alpha enlarged to match (bicubic) and its grey or colour channels, at 8 bits.
    /// </summary>
    public static DecodedImage Apply(DecodedImage input, Rgb8Image result, int scale)
    {
        var alpha = input.Alpha is null || scale == 1
            ? input.Alpha
            : AlphaUpscale.Bicubic(input.Alpha, input.Rgb.Width, input.Rgb.Height, scale);
        return new DecodedImage(result, alpha, input.Info with { BitsPerSample = 8 });
    }
}
