using SkiaSharp;

namespace NeuralPost.ImageFiles;

/// <summary>Tells what a file stores from its header, which Skia's decode target (always RGBA 8-bit here) hides.</summary>
internal static class ChannelProbe
{
    private const int PngBitDepthOffset = 24;
    private const int PngColourTypeOffset = 25;

    public static ImageFileInfo Read(SKCodec codec, ReadOnlySpan<byte> encoded)
    {
        // Skia reports grey+alpha and 16-bit PNGs as colour types it converts to, so PNG's own IHDR is asked;
        // libpng only opens a file whose first chunk is IHDR, so its fields are at fixed offsets.
        var png = codec.EncodedFormat == SKEncodedImageFormat.Png && encoded.Length > PngColourTypeOffset;
        var grey = png ? encoded[PngColourTypeOffset] is 0 or 4 : codec.Info.ColorType == SKColorType.Gray8;
        // The alpha type covers what a colour type alone misses: a tRNS chunk, a GIF's transparent index.
        var alpha = codec.Info.AlphaType != SKAlphaType.Opaque;
        var bits = png && encoded[PngBitDepthOffset] == 16 ? 16 : 8;
        var channels = (grey, alpha) switch
        {
            (true, true) => ImageChannels.GreyAlpha,
            (true, false) => ImageChannels.Grey,
            (false, true) => ImageChannels.Rgba,
            (false, false) => ImageChannels.Rgb,
        };
        return new ImageFileInfo(channels, bits);
    }
}
