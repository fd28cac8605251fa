using NeuralPost.Core;

namespace NeuralPost.ImageFiles;

/// <summary>
/// An image file could not be read: not an image format we decode, truncated, corrupt (e.g. a bad PNG CRC or
/// invalid compressed data) or over <see cref="ImageReadOptions.MaxPixels"/>. The message is one line and
/// starts with the file's name.
/// </summary>
public class ImageFileException : NeuralPostException
{
    /// <summary>Creates an exception about <paramref name="fileName"/>; the message is prefixed with it.</summary>
    /// <param name="fileName">The path or label of the offending file.</param>
    /// <param name="problem">What is wrong, e.g. "truncated PNG data".</param>
    public ImageFileException(string fileName, string problem) : base($"{fileName}: {problem}") => FileName = fileName;

    /// <summary>The path (or, for in-memory data, the label) of the file that failed.</summary>
    public string FileName { get; }
}
