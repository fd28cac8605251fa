using NeuralPost.Core;

namespace NeuralPost.Imaging;

/// <summary>
/// Raised when PNG data is malformed, truncated, unsupported or over a configured limit. The message is one
/// line saying what is wrong, e.g. "bad CRC in chunk IDAT".
/// </summary>
public class PngFormatException : NeuralPostException
{
    /// <summary>Creates an exception with a message.</summary>
    public PngFormatException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public PngFormatException(string message, Exception innerException) : base(message, innerException) { }
}
