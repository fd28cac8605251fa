using System.Diagnostics;
using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;
using NeuralPost.Hosting;
using NeuralPost.Inference;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// The Foggy Streets sample as an engine would host it: a <see cref="World"/> with the scene renderer and one
/// camera whose object carries the passes in this order (component order is pass order):
/// <c>SplitViewCapture (render resolution)</c>, <see cref="NeuralUpscaler"/>, <c>SplitViewCapture (hazy)</c>,
/// <see cref="Effects.Dehaze.Dehaze"/>, <see cref="SplitViewComposite"/>; with <see cref="App.DehazePlacement.Render"/>
/// the hazy capture and the dehaze pass come before the upscaler instead. Each frame it places the camera on the
/// scene's path, renders into an output-size RGBA8 display target and draws the text overlay on top. Runners
/// (window, headless, capture, benchmark) own the device and the loop; this class owns everything else.
/// </summary>
public sealed class SampleApp : IDisposable
{
    /// <summary>The name the overlay reports its timing under.</summary>
    public const string OverlayPassName = "overlay";

    private readonly IGraphicsDevice _device;
    private readonly Action<Camera, double> _placeCamera;
    private readonly IDisposable? _ownedScene;
    private readonly TimedSceneRenderer _sceneRenderer;
    private readonly World _world;
    private readonly SplitViewCapture _captureInput;
    private readonly SplitViewCapture _captureHazy;
    private readonly SplitViewComposite _composite;
    private readonly TextOverlay _overlay;
    private readonly GpuPassTimer _overlayGpu;
    private long _lastFrameStart;
    private double _smoothedFrameSeconds = double.NaN;
    private bool _prepareAhead;

    /// <summary>Creates the sample with the Foggy Streets scene.</summary>
    /// <param name="device">The device everything renders with; the caller disposes it after this.</param>
    /// <param name="options">Start-up settings.</param>
    /// <param name="ort">ONNX Runtime for the networks, or null when it could not be loaded (the passes fall back).</param>
    /// <param name="manifest">The model manifest, or null when there is none (the passes fall back).</param>
    /// <param name="log">Where the world and the passes report problems.</param>
    public static SampleApp Create(IGraphicsDevice device, SampleOptions options, OnnxEnvironment? ort, ModelManifest? manifest, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        var scene = new FoggyStreetsScene(device, options.Scene);
        try
        {
            return new SampleApp(device, scene, scene.PlaceCamera, options, new EffectServices(device, ort, manifest, log), scene);
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    /// <summary>Creates the sample around any scene renderer; tests pass a known pattern.</summary>
    internal SampleApp(IGraphicsDevice device, ISceneRenderer scene, Action<Camera, double> placeCamera,
        SampleOptions options, EffectServices services, IDisposable? ownedScene)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(placeCamera);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        _device = device;
        _placeCamera = placeCamera;
        _ownedScene = ownedScene;
        _sceneRenderer = new TimedSceneRenderer(scene, device);
        _world = new World(device, _sceneRenderer, new GraphicsFrameCopier(device), services.Log);
        _sceneRenderer.Timings = _world.Timings;
        Display = device.CreateTextureRenderTarget(options.OutputSize.Width, options.OutputSize.Height, TextureFormat.Rgba8, withDepth: false);
        _overlay = new TextOverlay(device, new TextGrid(OverlayContent.Columns, OverlayContent.Rows));
        _overlayGpu = new GpuPassTimer(device);

        // Built outside the world and bound before it is added, so every pass has its services by Awake.
        var cameraObject = new GameObject("Main Camera");
        Camera = cameraObject.AddComponent<Camera>();
        _captureInput = cameraObject.AddComponent<SplitViewCapture>();
        DehazePlacement = options.DehazePlacement;
        if (DehazePlacement == DehazePlacement.Render)
        {
            (_captureHazy, Dehaze) = AddHazyCaptureAndDehaze(cameraObject);
            Upscaler = cameraObject.AddComponent<NeuralUpscaler>();
        }
        else
        {
            Upscaler = cameraObject.AddComponent<NeuralUpscaler>();
            (_captureHazy, Dehaze) = AddHazyCaptureAndDehaze(cameraObject);
        }

        _composite = cameraObject.AddComponent<SplitViewComposite>();
        Upscaler.Settings.Tier = options.Tier;
        Upscaler.Settings.Backend = options.Backend;
        Dehaze.Settings.Backend = options.Backend;
        Upscaler.Settings.GpuStorage = options.GpuStorage;
        Dehaze.Settings.GpuStorage = options.GpuStorage;
        _captureInput.Bind(device);
        _captureHazy.Bind(device);
        _composite.Bind(device);
        Upscaler.Bind(services);
        Dehaze.Bind(services);
        DehazeEnabled = options.Dehaze;
        SplitView = options.Split;
        OverlayEnabled = options.Overlay;
        _world.Add(cameraObject);
        // GPU plans take a while to compile: build them before the first frame and before a tier's first frame.
        _prepareAhead = BackendSelection.Resolve(options.Backend, device.Description) == InferenceBackend.GpuCompute;
        if (_prepareAhead)
        {
            Prepare();
        }
    }

    /// <summary>The output-size RGBA8 target each frame ends in (overlay included).</summary>
    public ITextureRenderTarget Display { get; }

    /// <summary>The camera.</summary>
    public Camera Camera { get; }

    /// <summary>The upscaler on the camera.</summary>
    public NeuralUpscaler Upscaler { get; }

    /// <summary>The dehaze pass on the camera.</summary>
    public Dehaze Dehaze { get; }

    /// <summary>Where <see cref="Dehaze"/> sits relative to the upscaler, and so the size of the frames it sees.</summary>
    public DehazePlacement DehazePlacement { get; }

    /// <summary>The size of the frames the dehaze pass sees: <see cref="RenderResolution"/> or <see cref="OutputSize"/> by placement.</summary>
    public Size DehazeResolution => DehazePlacement == DehazePlacement.Render ? RenderResolution : OutputSize;

    /// <summary>Per-pass timings of the last frame, the overlay's included.</summary>
    public PassTimings Timings => _world.Timings;

    /// <summary>Size of <see cref="Display"/>.</summary>
    public Size OutputSize => new(Display.Width, Display.Height);

    /// <summary>The size the scene is rendered at for the current tier.</summary>
    public Size RenderResolution => Camera.RenderResolution;

    /// <summary>CPU milliseconds of the last <see cref="RenderFrame"/>: update, render, passes and overlay.</summary>
    public double LastFrameMilliseconds { get; private set; } = double.NaN;

    /// <summary>CPU milliseconds of the last overlay draw; the overlay shows it a frame late, as it cannot time itself.</summary>
    public double LastOverlayCpuMilliseconds { get; private set; } = double.NaN;

    /// <summary>GPU milliseconds of the newest finished overlay draw, NaN before one finishes.</summary>
    public double LastOverlayGpuMilliseconds { get; private set; } = double.NaN;

    /// <summary>Frames per second over recent calls to <see cref="RenderFrame"/> (wall clock, smoothed).</summary>
    public double FramesPerSecond => 1.0 / _smoothedFrameSeconds;

    /// <summary>
    /// The upscale tier; changing it changes the render resolution from the next frame (on GPU compute the new size's
    /// plans are compiled here, not in that frame).
    /// </summary>
    public UpscaleTier Tier
    {
        get => Upscaler.Settings.Tier;
        set
        {
            var changed = Upscaler.Settings.Tier != value;
            Upscaler.Settings.Tier = value;
            if (changed && _prepareAhead)
            {
                Prepare();
            }
        }
    }

    /// <summary>Whether the dehaze pass runs (the component is disabled when off, so it costs nothing).</summary>
    public bool DehazeEnabled
    {
        get => Dehaze.Enabled;
        set
        {
            Dehaze.Settings.Enabled = value;
            Dehaze.Enabled = value;
            UpdateSplitPasses();
            if (value && _prepareAhead)
            {
                Prepare();
            }
        }
    }

    /// <summary>Drain the GPU after the scene render so per-pass timings attribute its cost to <c>render</c> (benchmarks only).</summary>
    public bool DrainAfterRender
    {
        get => _sceneRenderer.DrainAfterRender;
        set => _sceneRenderer.DrainAfterRender = value;
    }

    /// <summary>
    /// Whether the split view is shown: left of the divider the bilinear upscale of the render-resolution frame
    /// (or, with dehaze on, the hazy frame as the dehaze pass received it: upscaled, or at render resolution with
    /// <see cref="App.DehazePlacement.Render"/>), right of it the final result.
    /// </summary>
    public bool SplitView
    {
        get => _composite.Enabled;
        set
        {
            _composite.Enabled = value;
            UpdateSplitPasses();
        }
    }

    /// <summary>Whether the text overlay is drawn.</summary>
    public bool OverlayEnabled { get; set; }

    /// <summary>Where the overlay may change pixels of <see cref="Display"/>, origin top-left.</summary>
    public OverlayRegion OverlayRegion => _overlay.RegionFor(Display.Width, Display.Height);

    /// <summary>The overlay's text as composed for the last frame (for tests; allocates).</summary>
    internal string OverlayLine(int row) => _overlay.Grid.LineText(row);

    /// <summary>Renders one frame at <paramref name="time"/> into <see cref="Display"/>.</summary>
    public void RenderFrame(FrameTime time)
    {
        var start = Stopwatch.GetTimestamp();
        if (_lastFrameStart != 0)
        {
            var seconds = Stopwatch.GetElapsedTime(_lastFrameStart, start).TotalSeconds;
            _smoothedFrameSeconds = double.IsNaN(_smoothedFrameSeconds) ? seconds : (0.9 * _smoothedFrameSeconds) + (0.1 * seconds);
        }

        _lastFrameStart = start;
        _placeCamera(Camera, time.TotalSeconds);
        _world.Update(time);
        _world.Render(Display, time);
        if (OverlayEnabled)
        {
            DrawOverlay();
        }

        // The overlay's text upload is the host's, not the chain's: the frame's total includes it.
        Timings.MarkFrameTransfers(_device.Transfers);
        LastFrameMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Compiles the passes' plans (or binds their tensors) for the current tier's sizes ahead of the next frame, so
    /// it does not hitch; failures fall back as a frame's would. Call again before a tier change takes effect.
    /// </summary>
    public void Prepare()
    {
        var render = Upscaler.Settings.GetRenderResolution(OutputSize);
        Upscaler.Prepare(render);
        if (DehazeEnabled)
        {
            Dehaze.Prepare(DehazePlacement == DehazePlacement.Render ? render : OutputSize);
        }
    }

    /// <summary>Composes and draws the overlay over <see cref="Display"/>, reporting it as the <c>overlay</c> pass; allocates nothing.</summary>
    internal void DrawOverlay()
    {
        var start = Stopwatch.GetTimestamp();
        OverlayContent.Compose(_overlay.Grid, this, FramesPerSecond);
        _overlayGpu.Begin();
        _overlay.Draw(Display);
        _overlayGpu.End();
        LastOverlayCpuMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        LastOverlayGpuMilliseconds = _overlayGpu.LatestMilliseconds;
        Timings.Report(OverlayPassName, LastOverlayCpuMilliseconds, LastOverlayGpuMilliseconds);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _world.Dispose();
        _overlayGpu.Dispose();
        _overlay.Dispose();
        Display.Dispose();
        _sceneRenderer.Dispose();
        _ownedScene?.Dispose();
    }

    /// <summary>The hazy capture goes right before the dehaze pass in either placement, so the left half is never dehazed.</summary>
    private static (SplitViewCapture Hazy, Dehaze Dehaze) AddHazyCaptureAndDehaze(GameObject cameraObject) =>
        (cameraObject.AddComponent<SplitViewCapture>(), cameraObject.AddComponent<Dehaze>());

    private void UpdateSplitPasses()
    {
        // One capture at a time: before the upscaler for bilinear | neural, before dehaze for hazy | dehazed.
        var split = _composite.Enabled;
        _captureInput.Enabled = split && !Dehaze.Enabled;
        _captureHazy.Enabled = split && Dehaze.Enabled;
        _composite.Left = Dehaze.Enabled ? _captureHazy : _captureInput;
    }
}
