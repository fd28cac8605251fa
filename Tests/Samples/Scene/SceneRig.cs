using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.Imaging;
using NeuralPost.Samples.FoggyStreets.Scene;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.Scene;

/// <summary>A headless device, the scene, a camera and an RGBA8 target with depth, rendered and read back.</summary>
internal sealed class SceneRig : IDisposable
{
    private readonly GlDevice _device;
    private readonly ITextureRenderTarget _target;

    public SceneRig(int width, int height, SceneOptions? options = null)
    {
        _device = GlTestDevice.CreateOrIgnore();
        try
        {
            _target = _device.CreateTextureRenderTarget(width, height, TextureFormat.Rgba8, withDepth: true);
            Scene = new FoggyStreetsScene(_device, options);
        }
        catch
        {
            _target?.Dispose();
            _device.Dispose();
            throw;
        }

        Camera = new GameObject("camera").AddComponent<Camera>();
        Pixels = new byte[_target.Color.ByteSize];
    }

    public FoggyStreetsScene Scene { get; }

    public Camera Camera { get; }

    public int Width => _target.Width;

    public int Height => _target.Height;

    /// <summary>RGBA bytes of the last <see cref="Render"/>, bottom row first as GL stores them.</summary>
    public byte[] Pixels { get; }

    /// <summary>Places the camera at <paramref name="seconds"/> and draws without reading back.</summary>
    public void Draw(double seconds)
    {
        Scene.PlaceCamera(Camera, seconds);
        Scene.Render(Camera, _target, new FrameTime(0f, seconds, 0));
    }

    /// <summary>Draws and reads back into <see cref="Pixels"/>; returns a copy.</summary>
    public byte[] Render(double seconds)
    {
        Draw(seconds);
        _target.Color.Download(Pixels);
        return (byte[])Pixels.Clone();
    }

    public void Finish() => _device.Finish();

    /// <summary>Mean RGB in [0, 1] over rows [rowFrom, rowTo) counted from the top of the image.</summary>
    public static (double R, double G, double B) Mean(byte[] rgba, int width, int height, int rowFrom, int rowTo)
    {
        double r = 0, g = 0, b = 0;
        var count = 0;
        for (var row = rowFrom; row < rowTo; row++)
        {
            var glRow = height - 1 - row;
            for (var x = 0; x < width; x++)
            {
                var i = (glRow * width + x) * 4;
                r += rgba[i];
                g += rgba[i + 1];
                b += rgba[i + 2];
                count++;
            }
        }

        return (r / count / 255, g / count / 255, b / count / 255);
    }

    /// <summary>Top-down RGB copy of an RGBA readback, for PNG output.</summary>
    public static Rgb8Image ToImage(byte[] rgba, int width, int height)
    {
        var image = new Rgb8Image(width, height);
        for (var y = 0; y < height; y++)
        {
            var source = (height - 1 - y) * width * 4;
            var destination = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                image.Data[destination + x * 3] = rgba[source + x * 4];
                image.Data[destination + x * 3 + 1] = rgba[source + x * 4 + 1];
                image.Data[destination + x * 3 + 2] = rgba[source + x * 4 + 2];
            }
        }

        return image;
    }

    public void Dispose()
    {
        Scene.Dispose();
        _target.Dispose();
        _device.Dispose();
    }
}
