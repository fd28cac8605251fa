using NeuralPost.ImageFiles;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>A valid image file that mutations start from.</summary>
/// <param name="Name">Where it came from: a file name or the generator's label.</param>
/// <param name="Data">The complete file.</param>
internal sealed record FuzzSeed(string Name, byte[] Data)
{
    /// <summary>The <see cref="Format"/> of a file none of the readers recognise.</summary>
    public const string Other = "other";

    /// <summary>The format by magic number, so each format gets an equal share of the inputs however many seeds it has.</summary>
    public string Format { get; } = FormatOf(Data);

    /// <summary>PNG, JPEG, WebP, GIF or BMP by the file's magic number, else <see cref="Other"/>.</summary>
    public static string FormatOf(ReadOnlySpan<byte> data) => ImageMagic.Label(data) ?? Other;
}
