using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.ImageFiles;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>What a headless run wrote.</summary>
/// <param name="Frames">The PNG of each frame, in order.</param>
/// <param name="TimingsPath">The CSV of per-frame timings.</param>
/// <param name="Device">The device description.</param>
public sealed record HeadlessRunResult(IReadOnlyList<string> Frames, string TimingsPath, string Device);

/// <summary>
/// Runs the sample without a display on an EGL context: a fixed number of frames at a fixed time step, each
/// written as <c>frame-NNNN.png</c> (the display target read back, top row first), plus <c>timings.csv</c>.
/// A fixed step makes the frames the same on every machine, whatever it renders at. The run locks its output
/// folder (<see cref="OutputFolderLock"/>), and the first write that fails ends it with that error.
/// </summary>
public static class HeadlessRunner
{
    /// <summary>Time between frames: 30 frames per simulated second.</summary>
    public const float TimeStep = 1f / 30f;

    /// <summary>Creates a headless device and runs <paramref name="frames"/> frames of the sample into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="GraphicsUnavailableException">No headless OpenGL 4.3 context can be made.</exception>
    /// <exception cref="OutputFolderInUseException">Another run is writing to <paramref name="outputDirectory"/>.</exception>
    /// <exception cref="IOException">A frame or the CSV cannot be written; the message names the file that failed first.</exception>
    public static HeadlessRunResult Run(SampleOptions options, SampleEnvironment environment, int frames, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        // Before the device and the models: a busy folder should not cost their start-up.
        using var folder = OutputFolderLock.Acquire(outputDirectory);
        using var device = GlDevice.CreateHeadless();
        using var app = SampleApp.Create(device, options, environment.Ort, environment.Manifest, environment.Log);
        return Write(app, device, frames, outputDirectory);
    }

    /// <summary>
    /// Creates a headless device and renders <paramref name="frames"/> frames of the sample without reading any back
    /// or writing any file, as a game's frame would run; returns the device description.
    /// </summary>
    /// <exception cref="GraphicsUnavailableException">No headless OpenGL 4.3 context can be made.</exception>
    public static string RunWithoutWriting(SampleOptions options, SampleEnvironment environment, int frames)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        using var device = GlDevice.CreateHeadless();
        using var app = SampleApp.Create(device, options, environment.Ort, environment.Manifest, environment.Log);
        RenderWithoutWriting(app, device, new FrameTime(TimeStep, 0, 0), frames);
        return device.Description;
    }

    /// <summary>
    /// Renders <paramref name="frames"/> frames from <paramref name="time"/> at the fixed step and returns the time of
    /// the next one. Nothing is read back, so the GPU is drained after each frame: without a readback or a swap to
    /// pace it, the driver would queue frames ahead and a run would measure queueing, not frames. Allocates nothing
    /// once the app is warm.
    /// </summary>
    public static FrameTime RenderWithoutWriting(SampleApp app, IGraphicsDevice device, FrameTime time, int frames)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(device);
        for (var i = 0; i < frames; i++)
        {
            app.RenderFrame(time);
            device.Finish();
            time = time.Next(TimeStep);
        }

        return time;
    }

    /// <summary>Runs an existing sample; the caller owns both.</summary>
    internal static HeadlessRunResult Run(SampleApp app, IGraphicsDevice device, int frames, string outputDirectory)
    {
        using var folder = OutputFolderLock.Acquire(outputDirectory);
        return Write(app, device, frames, outputDirectory);
    }

    private static HeadlessRunResult Write(SampleApp app, IGraphicsDevice device, int frames, string outputDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        var csvPath = Path.Combine(outputDirectory, "timings.csv");
        var written = new List<string>(frames);
        using var readback = new FrameReadback(device);
        using var csv = new TimingsCsv(csvPath);
        var time = new FrameTime(TimeStep, 0, 0);
        for (var i = 0; i < frames; i++)
        {
            app.RenderFrame(time);
            var path = Path.Combine(outputDirectory, FrameName(i));
            ImageFile.Save(readback.Read(app.Display), path);
            app.Timings.MarkFrameTransfers(device.Transfers); // the PNG's readback is part of the frame's bytes
            csv.Append(app, time);
            written.Add(path);
            time = time.Next(TimeStep);
        }

        return new HeadlessRunResult(written, csvPath, device.Description);
    }

    /// <summary>The file name of frame <paramref name="index"/>.</summary>
    public static string FrameName(int index) => string.Create(CultureInfo.InvariantCulture, $"frame-{index:D4}.png");
}
