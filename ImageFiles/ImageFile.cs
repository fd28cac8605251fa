using NeuralPost.Core;
using NeuralPost.Imaging;

namespace NeuralPost.ImageFiles;

/// <summary>
/// Reads and writes image files as 8-bit RGB (<see cref="Rgb8Image"/>), through SkiaSharp.
/// Reading: PNG (every colour type, 1 to 16 bits, interlaced or not), JPEG, WebP, BMP and GIF (first frame),
/// recognised by content, never by extension; the other formats Skia knows (ICO, WBMP) are refused. Grey is replicated to R, G and B; alpha is dropped, not
/// composited, so transparent pixels keep their stored colour (<see cref="LoadWithInfo"/> keeps it apart and says
/// what the file held, and <see cref="Save(DecodedImage, string, ImageWriteOptions?)"/> writes grey and alpha back); 16-bit samples keep their high byte (v &gt;&gt; 8,
/// as libpng and PIL do); colour profiles, gamma chunks and EXIF orientation are ignored (pixels come out as
/// stored). The result equals PIL's <c>convert('RGB')</c> on every test fixture and benchmark image. Writing: by the output's extension, see
/// <see cref="ImageFileFormats"/>; the file is written aside and renamed into place.
/// </summary>
public static class ImageFile
{
    /// <summary>Reads and decodes an image file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Limits; <see cref="ImageReadOptions.Default"/> when null.</param>
    /// <returns>The pixels as 8-bit RGB.</returns>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than the limit.</exception>
    /// <exception cref="ImageFileException">The file is not a readable image: unknown format, truncated or corrupt.</exception>
    /// <exception cref="IOException">The file cannot be read (the usual <see cref="File.ReadAllBytes"/> errors).</exception>
    public static Rgb8Image Load(string path, ImageReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SkiaDecoder.Decode(File.ReadAllBytes(path), path, options ?? ImageReadOptions.Default);
    }

    /// <summary>Reads an image file with its alpha plane and what it held (grey or colour, alpha, 8 or 16 bits).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Limits; <see cref="ImageReadOptions.Default"/> when null.</param>
    /// <returns>8-bit RGB (16-bit samples keep their high byte), the 8-bit alpha plane when the file has alpha, and the file's channels and depth.</returns>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than the limit.</exception>
    /// <exception cref="ImageFileException">The file is not a readable image: unknown format, truncated or corrupt.</exception>
    /// <exception cref="IOException">The file cannot be read (the usual <see cref="File.ReadAllBytes"/> errors).</exception>
    public static DecodedImage LoadWithInfo(string path, ImageReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return DecodeWithInfo(File.ReadAllBytes(path), path, options);
    }

    /// <summary>Decodes an image file held in memory.</summary>
    /// <param name="encoded">The complete file.</param>
    /// <param name="name">What error messages call the data, e.g. its origin.</param>
    /// <param name="options">Limits; <see cref="ImageReadOptions.Default"/> when null.</param>
    /// <returns>The pixels as 8-bit RGB.</returns>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than the limit.</exception>
    /// <exception cref="ImageFileException">The data is not a readable image: unknown format, truncated or corrupt.</exception>
    public static Rgb8Image Decode(ReadOnlySpan<byte> encoded, string name = "<memory>", ImageReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SkiaDecoder.Decode(encoded, name, options ?? ImageReadOptions.Default);
    }

    /// <summary>Like <see cref="LoadWithInfo"/>, on an image file held in memory.</summary>
    /// <param name="encoded">The complete file.</param>
    /// <param name="name">What error messages call the data, e.g. its origin.</param>
    /// <param name="options">Limits; <see cref="ImageReadOptions.Default"/> when null.</param>
    /// <returns>8-bit RGB, the alpha plane when the file has alpha, and the file's channels and depth.</returns>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than the limit.</exception>
    /// <exception cref="ImageFileException">The data is not a readable image: unknown format, truncated or corrupt.</exception>
    public static DecodedImage DecodeWithInfo(ReadOnlySpan<byte> encoded, string name = "<memory>", ImageReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SkiaDecoder.DecodeWithInfo(encoded, name, options ?? ImageReadOptions.Default);
    }

    /// <summary>Encodes <paramref name="image"/> in the format its extension names and replaces <paramref name="path"/> atomically.</summary>
    /// <param name="image">The pixels to write.</param>
    /// <param name="path">The output file; its folder must exist.</param>
    /// <param name="options">Encoder settings; <see cref="ImageWriteOptions.Default"/> when null.</param>
    /// <exception cref="UnsupportedImageFormatException">The extension is not .png, .jpg, .jpeg or .webp (checked before encoding).</exception>
    /// <exception cref="IOException">The file cannot be written (the message names it; an existing file is unchanged), or the encoder failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Save(Rgb8Image image, string path, ImageWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        Save(DecodedImage.Opaque(image), path, options);
    }

    /// <summary>
    /// Like <see cref="Save(Rgb8Image, string, ImageWriteOptions?)"/>, keeping the channels <see cref="DecodedImage.Info"/> names where the format
    /// can: alpha in PNG and WebP (JPEG has none: it is dropped), grey in PNG and JPEG as a one-channel image
    /// (the rounded mean of R, G and B; WebP has no grey, so R = G = B there). Always 8 bits per sample.
    /// </summary>
    /// <param name="image">The pixels to write.</param>
    /// <param name="path">The output file; its folder must exist.</param>
    /// <param name="options">Encoder settings; <see cref="ImageWriteOptions.Default"/> when null.</param>
    /// <exception cref="UnsupportedImageFormatException">The extension is not .png, .jpg, .jpeg or .webp (checked before encoding).</exception>
    /// <exception cref="IOException">The file cannot be written (the message names it; an existing file is unchanged), or the encoder failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Save(DecodedImage image, string path, ImageWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = ImageFileFormats.FromPath(path);
        AtomicFile.Write(path, stream => SkiaEncoder.Encode(image, format, options ?? ImageWriteOptions.Default, stream));
    }

    /// <summary>Encodes <paramref name="image"/> to a new byte array.</summary>
    /// <param name="image">The pixels to encode.</param>
    /// <param name="format">The file format.</param>
    /// <param name="options">Encoder settings; <see cref="ImageWriteOptions.Default"/> when null.</param>
    /// <returns>The complete file.</returns>
    /// <exception cref="IOException">The encoder failed.</exception>
    public static byte[] Encode(Rgb8Image image, ImageFileFormat format = ImageFileFormat.Png, ImageWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        SkiaEncoder.Encode(image, format, options ?? ImageWriteOptions.Default, output);
        return output.ToArray();
    }
}
