namespace NeuralPost.ImageFiles;

/// <summary>What an image file held, as read from its header by <see cref="ImageFile.LoadWithInfo"/>.</summary>
/// <param name="Channels">The channels stored in the file.</param>
/// <param name="BitsPerSample">8, or 16 for a 16-bit PNG; PNGs of 1, 2 or 4 bits report 8.</param>
public sealed record ImageFileInfo(ImageChannels Channels, int BitsPerSample)
{
    /// <summary>Whether the file holds an alpha channel (or a PNG tRNS chunk acting as one).</summary>
    public bool HasAlpha => Channels is ImageChannels.GreyAlpha or ImageChannels.Rgba;

    /// <summary>Whether the file holds grey samples only.</summary>
    public bool IsGrey => Channels is ImageChannels.Grey or ImageChannels.GreyAlpha;
}
