using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

/// <summary>A <see cref="SampleApp"/> over <see cref="PatternScene"/> on a headless device, and pixel helpers.</summary>
internal sealed class SampleTestHost : IDisposable
{
    private readonly PatternScene _scene;

    /// <summary>Without <paramref name="ort"/> and <paramref name="manifest"/> the networks' passes run their fallbacks.</summary>
    public SampleTestHost(GlDevice device, SampleOptions options, OnnxEnvironment? ort = null, ModelManifest? manifest = null)
    {
        Device = device;
        _scene = new PatternScene(device);
        Readback = new FrameReadback(device);
        App = new SampleApp(device, _scene, PatternScene.PlaceCamera, options,
            new EffectServices(device, ort, manifest, message => TestContext.Out.WriteLine(message)), ownedScene: null);
    }

    public GlDevice Device { get; }

    public SampleApp App { get; }

    public FrameReadback Readback { get; }

    /// <summary>Renders frame 0 twice (so passes that pipeline across frames have caught up) and reads the display.</summary>
    public Rgb8Image RenderStill()
    {
        var time = new FrameTime(HeadlessRunner.TimeStep, 0, 0);
        App.RenderFrame(time);
        App.RenderFrame(time.Next(0f));
        return Readback.Read(App.Display);
    }

    /// <summary>The pattern at render resolution, upscaled bilinearly to the output size, as the display format holds it.</summary>
    public Rgb8Image BilinearReference()
    {
        var render = App.RenderResolution;
        var output = App.OutputSize;
        using var low = Device.CreateTextureRenderTarget(render.Width, render.Height, TextureFormat.Rgba16F, withDepth: true);
        using var high = Device.CreateTextureRenderTarget(output.Width, output.Height, TextureFormat.Rgba16F, withDepth: false);
        using var display = Device.CreateTextureRenderTarget(output.Width, output.Height, TextureFormat.Rgba8, withDepth: false);
        _scene.Render(App.Camera, low, default);
        Device.Blit(low, high, BlitFilter.Linear);
        Device.Blit(high, display, BlitFilter.Nearest);
        return Readback.Read(display);
    }

    public void Dispose()
    {
        App.Dispose();
        Readback.Dispose();
        _scene.Dispose();
        Device.Dispose();
    }

    /// <summary>
    /// A host whose dehaze model is <see cref="Inference.TinyOnnxModel.WidthProbe"/> (every pixel becomes the width of the
    /// frame it saw) at <paramref name="placement"/>, with no upscaler model (bilinear fallback).
    /// </summary>
    public static SampleTestHost WithWidthProbeDehaze(OnnxEnvironment ort, Size output, DehazePlacement placement, bool dehaze)
    {
        var manifest = Effects.TestManifests.WithModel("dehaze", "dehaze", 1, Inference.TinyOnnxModel.WidthProbe());
        var options = Options(output) with { Dehaze = dehaze, DehazePlacement = placement };
        var host = new SampleTestHost(Graphics.GlTestDevice.CreateOrIgnore(), options, ort, manifest);
        host.App.Dehaze.Settings.Strength = 1f;
        return host;
    }

    public static SampleOptions Options(Size output) => new() { OutputSize = output, Tier = UpscaleTier.Performance, Overlay = false };
}
