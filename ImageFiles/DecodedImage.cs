using NeuralPost.Imaging;

namespace NeuralPost.ImageFiles;

/// <summary>
/// An image with the channels <see cref="Rgb8Image"/> cannot hold: its alpha plane, and what the file stored
/// (grey or colour, 8 or 16 bits), so a processed copy can be written back in the same shape.
/// </summary>
public sealed class DecodedImage
{
    /// <summary>Wraps the planes; the arrays are used as they are, not copied.</summary>
    /// <param name="rgb">The colour, 8-bit, unpremultiplied (a grey file has R = G = B).</param>
    /// <param name="alpha">One byte per pixel, row-major, 0 = transparent; null when the image is opaque.</param>
    /// <param name="info">What the file held; with <see cref="ImageFile.Save(DecodedImage, string, ImageWriteOptions?)"/>, what to write.</param>
    /// <exception cref="ArgumentException"><paramref name="alpha"/> is not one byte per pixel, or it is missing while <paramref name="info"/> says the image has alpha.</exception>
    public DecodedImage(Rgb8Image rgb, byte[]? alpha, ImageFileInfo info)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(info);
        if (alpha is not null && alpha.Length != rgb.Width * rgb.Height)
        {
            throw new ArgumentException($"alpha holds {alpha.Length} bytes, but a {rgb.Width}x{rgb.Height} image needs {rgb.Width * rgb.Height}.", nameof(alpha));
        }

        if (info.HasAlpha != alpha is not null)
        {
            throw new ArgumentException($"the info says {info.Channels} but alpha is {(alpha is null ? "missing" : "present")}.", nameof(alpha));
        }

        Rgb = rgb;
        Alpha = alpha;
        Info = info;
    }

    /// <summary>An opaque 8-bit RGB image, as <see cref="Rgb8Image"/> alone describes it.</summary>
    internal static DecodedImage Opaque(Rgb8Image rgb) => new(rgb, null, new ImageFileInfo(ImageChannels.Rgb, 8));

    /// <summary>The colour planes, interleaved.</summary>
    public Rgb8Image Rgb { get; }

    /// <summary>The alpha plane, one byte per pixel, or null when opaque.</summary>
#pragma warning disable CA1819 // A plane the caller resamples and hands back; copying it would double the memory.
    public byte[]? Alpha { get; }
#pragma warning restore CA1819

    /// <summary>The channels and sample depth of the file.</summary>
    public ImageFileInfo Info { get; }
}
