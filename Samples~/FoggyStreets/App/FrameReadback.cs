using NeuralPost.Graphics;
using NeuralPost.Imaging;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Reads an RGBA8 target back as an <see cref="Rgb8Image"/>, top row first: GL stores rows bottom-up, PNGs and
/// every image tool top-down. The staging buffers are reused, so only the returned image is allocated.
/// </summary>
public sealed class FrameReadback : IDisposable
{
    private readonly IGraphicsDevice _device;
    private IReadbackBuffer? _buffer;
    private byte[] _rgba = [];

    /// <summary>Creates a reader on <paramref name="device"/>.</summary>
    public FrameReadback(IGraphicsDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    /// <summary>Reads <paramref name="target"/> (an RGBA8 target, e.g. the display or a window's back buffer), waiting for the GPU.</summary>
    public Rgb8Image Read(IRenderTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Format != TextureFormat.Rgba8)
        {
            throw new ArgumentException($"frame readback needs an RGBA8 target, not {target.Format}", nameof(target));
        }

        var width = target.Width;
        var height = target.Height;
        var bytes = width * height * 4;
        if (_buffer is null || _buffer.ByteSize < bytes)
        {
            _buffer?.Dispose();
            _buffer = null;
            _buffer = _device.CreateReadbackBuffer(bytes);
            _rgba = new byte[bytes];
        }

        _buffer.StartRead(target);
        _buffer.Complete(_rgba);
        return ToTopDownRgb(_rgba, width, height);
    }

    /// <summary>Converts bottom-up RGBA rows to a top-down RGB image.</summary>
    public static Rgb8Image ToTopDownRgb(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var image = new Rgb8Image(width, height);
        var data = image.Data;
        for (var y = 0; y < height; y++)
        {
            var source = rgba.Slice((height - 1 - y) * width * 4, width * 4);
            var row = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                data[row + (x * 3)] = source[x * 4];
                data[row + (x * 3) + 1] = source[(x * 4) + 1];
                data[row + (x * 3) + 2] = source[(x * 4) + 2];
            }
        }

        return image;
    }

    /// <inheritdoc/>
    public void Dispose() => _buffer?.Dispose();
}
