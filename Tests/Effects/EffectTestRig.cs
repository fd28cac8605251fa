using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// A headless GL device, a world with one camera rendering a fixed picture into an RGBA8 display, and the services
/// the neural passes bind to, with every log line collected.
/// </summary>
internal sealed class EffectTestRig : IDisposable
{
    private FrameTime _time = new(0f, 0d, 0);

    public EffectTestRig(Rgb8Image picture, Size display, OnnxEnvironment? ort, ModelManifest? manifest,
        TextureFormat cameraFormat = TextureFormat.Rgba8)
    {
        Device = GlTestDevice.CreateOrIgnore();
        Scene = new PictureScene(Device, picture);
        World = new World(Device, Scene, new GraphicsFrameCopier(Device), Log.Add);
        Display = Device.CreateTextureRenderTarget(display.Width, display.Height, TextureFormat.Rgba8, withDepth: false);
        CameraObject = World.CreateGameObject("Camera");
        Camera = CameraObject.AddComponent<Camera>();
        Camera.ColorFormat = cameraFormat;
        Camera.DisplaySize = display; // the world sets it each frame; tests query sizes before the first
        Services = new EffectServices(Device, ort, manifest, Log.Add);
    }

    public GlDevice Device { get; }

    public PictureScene Scene { get; }

    public World World { get; }

    public ITextureRenderTarget Display { get; }

    public GameObject CameraObject { get; }

    public Camera Camera { get; }

    public EffectServices Services { get; }

    public List<string> Log { get; } = [];

    /// <summary>Updates and renders one frame.</summary>
    public void Frame()
    {
        World.Update(_time);
        World.Render(Display, _time);
        _time = _time.Next(1f / 60f);
    }

    public Rgb8Image ReadDisplay() => GlPixels.Download(Display.Color);

    /// <summary>What a bilinear blit of the picture to the display's size gives on this device.</summary>
    public Rgb8Image BilinearReference()
    {
        using var reference = Device.CreateTextureRenderTarget(Display.Width, Display.Height, TextureFormat.Rgba8, withDepth: false);
        Device.Blit(Scene.Target, reference, BlitFilter.Linear);
        return GlPixels.Download(reference.Color);
    }

    public void Dispose()
    {
        World.Dispose();
        Display.Dispose();
        Scene.Dispose();
        Device.Dispose();
    }
}
