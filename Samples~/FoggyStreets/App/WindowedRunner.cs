using System.Diagnostics;
using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.ImageFiles;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// The interactive sample: a GLFW window of the output size, presenting the display target every frame.
/// Keys: 1-5 tiers Native..UltraPerformance, H dehaze, Space split view, F12 screenshot, Escape quits.
/// Opening is separate from running so the caller can fall back to headless when no window can be had.
/// </summary>
public sealed class WindowedRunner : IDisposable
{
    /// <summary>The window title.</summary>
    public const string Title = "NeuralPost - Foggy Streets";

    private readonly GlWindow _window;
    private readonly Queue<WindowKey> _keys = new();

    private WindowedRunner(GlWindow window)
    {
        _window = window;
        _window.KeyPressed += _keys.Enqueue;
    }

    /// <summary>The window's device.</summary>
    public IGraphicsDevice Device => _window.Device;

    /// <summary>Opens the window (vsync on unless taking a scripted screenshot, which should not wait on a display).</summary>
    /// <exception cref="GraphicsUnavailableException">No display, no GLFW, or no OpenGL 4.3 context.</exception>
    public static WindowedRunner Open(Size size, bool vsync = true) =>
        new(GlWindow.Create(size.Width, size.Height, Title, visible: true, vsync));

    /// <summary>Runs the sample until the window closes, Escape, the frame limit or the scripted screenshot.</summary>
    /// <returns>The number of frames rendered.</returns>
    public long Run(SampleOptions options, SampleEnvironment environment, WindowedRunOptions run, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        if (run.ScreenshotPath is not null)
        {
            // Refused before the scene and its networks load, not after the frames are rendered.
            ImageFileFormats.FromPath(run.ScreenshotPath);
        }

        using var app = SampleApp.Create(_window.Device, options, environment.Ort, environment.Manifest, environment.Log);
        return Run(app, run, output);
    }

    /// <summary>Runs an existing sample on this window's device.</summary>
    internal long Run(SampleApp app, WindowedRunOptions run, TextWriter output)
    {
        using var readback = new FrameReadback(_window.Device);
        var scripted = run.ScreenshotPath is not null;
        var clock = Stopwatch.StartNew();
        var time = new FrameTime(HeadlessRunner.TimeStep, 0, 0);
        while (!_window.ShouldClose)
        {
            _window.PollEvents();
            var screenshotRequested = HandleKeys(app);
            app.RenderFrame(time);
            _window.Device.Blit(app.Display, _window.BackBuffer, BlitFilter.Linear);
            var rendered = time.FrameIndex + 1;
            if (screenshotRequested)
            {
                Directory.CreateDirectory(run.ScreenshotDirectory);
                var path = Path.Combine(run.ScreenshotDirectory, string.Create(CultureInfo.InvariantCulture, $"neuralpost-{time.FrameIndex}.png"));
                ImageFile.Save(readback.Read(app.Display), path);
                output.WriteLine($"screenshot: {path}");
            }

            if (scripted && rendered >= run.FramesBeforeScreenshot)
            {
                // Read before the swap: the back buffer's contents are undefined afterwards.
                var directory = Path.GetDirectoryName(Path.GetFullPath(run.ScreenshotPath!));
                Directory.CreateDirectory(directory!);
                ImageFile.Save(readback.Read(_window.BackBuffer), run.ScreenshotPath!);
                output.WriteLine($"screenshot: {run.ScreenshotPath} ({_window.BackBuffer.Width}x{_window.BackBuffer.Height}, frame {time.FrameIndex})");
                _window.SwapBuffers();
                return rendered;
            }

            _window.SwapBuffers();
            if (run.Frames > 0 && rendered >= run.Frames)
            {
                return rendered;
            }

            // Scripted runs step like headless ones, so the saved picture does not depend on the machine's speed.
            var now = clock.Elapsed.TotalSeconds;
            time = scripted
                ? time.Next(HeadlessRunner.TimeStep)
                : new FrameTime((float)(now - time.TotalSeconds), now, time.FrameIndex + 1);
        }

        return time.FrameIndex;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _window.KeyPressed -= _keys.Enqueue;
        _window.Dispose();
    }

    /// <summary>Applies the keys pressed since the last frame; true when F12 asked for a screenshot.</summary>
    private bool HandleKeys(SampleApp app)
    {
        var screenshot = false;
        while (_keys.TryDequeue(out var key))
        {
            switch (key)
            {
                case >= WindowKey.Digit1 and <= WindowKey.Digit5:
                    app.Tier = UpscaleTier.Native + (key - WindowKey.Digit1);
                    break;
                case WindowKey.H:
                    app.DehazeEnabled = !app.DehazeEnabled;
                    break;
                case WindowKey.Space:
                    app.SplitView = !app.SplitView;
                    break;
                case WindowKey.F12:
                    screenshot = true;
                    break;
                case WindowKey.Escape:
                    _window.ShouldClose = true;
                    break;
            }
        }

        return screenshot;
    }
}
