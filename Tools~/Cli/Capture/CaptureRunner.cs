using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Hosting;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Cli.Capture;

/// <summary>
/// Renders training pairs from the scene with no post-processing: super-resolution pairs (an HR frame and its
/// MATLAB-bicubic downscale, the degradation the SR benchmarks define) or dehaze pairs (the same view with and
/// without fog). Both files of a pair have the same name in their two folders. The run locks its output folder
/// (<see cref="OutputFolderLock"/>) so a second capture into it refuses instead of overwriting pairs.
/// </summary>
public static class CaptureRunner
{
    /// <summary>Writes the pairs and returns the folders written, first and second of each pair.</summary>
    /// <exception cref="OutputFolderInUseException">Another run is writing to the output folder.</exception>
    /// <exception cref="IOException">A pair cannot be written; the message names the file.</exception>
    public static (string First, string Second) Run(IGraphicsDevice device, CaptureOptions options, Action<string> log, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Scale);
        if (!options.Size.IsPositive)
        {
            throw new ArgumentException($"the capture size must be positive, not {options.Size}", nameof(options));
        }

        var sr = options.Pairs == CapturePairs.SuperResolution;
        if (sr && (options.Size.Width % options.Scale != 0 || options.Size.Height % options.Scale != 0))
        {
            throw new ArgumentException($"the HR size {options.Size} must divide by the scale {options.Scale} so LR = HR / scale exactly");
        }

        var first = Path.Combine(options.OutputDirectory, sr ? "HR" : "hazy");
        var second = Path.Combine(options.OutputDirectory, sr ? string.Create(CultureInfo.InvariantCulture, $"LR_x{options.Scale}") : "clear");
        using var folder = OutputFolderLock.Acquire(options.OutputDirectory);
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);

        using var scene = new FoggyStreetsScene(device);
        using var world = new World(device, scene, new GraphicsFrameCopier(device), log);
        using var display = device.CreateTextureRenderTarget(options.Size.Width, options.Size.Height, TextureFormat.Rgba8, withDepth: false);
        using var readback = new FrameReadback(device);
        var camera = world.CreateGameObject("Capture Camera").AddComponent<Camera>();
        for (var i = options.First; i < options.First + options.Count; i++)
        {
            var name = options.FileName(i);
            var (sceneOptions, cameraTime) = options.Variation(i);
            var frame = Render(world, scene, camera, display, readback, sceneOptions, cameraTime, i);
            ImageFile.Save(frame, Path.Combine(first, name));
            var pair = sr
                ? MatlabBicubic.Downscale(frame, options.Scale)
                : Render(world, scene, camera, display, readback, sceneOptions with { FogEnabled = false }, cameraTime, i);
            ImageFile.Save(pair, Path.Combine(second, name));
            progress?.Invoke(name);
        }

        return (first, second);
    }

    private static Rgb8Image Render(World world, FoggyStreetsScene scene, Camera camera, IRenderTarget display,
        FrameReadback readback, SceneOptions options, double cameraTime, int index)
    {
        scene.Options = options;
        scene.PlaceCamera(camera, cameraTime);
        var time = new FrameTime(HeadlessRunner.TimeStep, cameraTime, index);
        world.Update(time);
        world.Render(display, time);
        return readback.Read(display);
    }
}
