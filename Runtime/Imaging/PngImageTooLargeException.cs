namespace NeuralPost.Imaging;

/// <summary>
/// Raised when a PNG header declares an image larger than <see cref="PngDecoderOptions"/> allows. It is thrown
/// before the pixel buffer is allocated, so hostile headers cost nothing.
/// </summary>
public sealed class PngImageTooLargeException : PngFormatException
{
    /// <summary>Creates an exception with a message.</summary>
    public PngImageTooLargeException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public PngImageTooLargeException(string message, Exception innerException) : base(message, innerException) { }
}
