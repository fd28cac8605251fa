using System.Numerics;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// A seeded city of streets, block buildings and street furniture under a time-of-day sun, with optional
/// non-homogeneous fog integrated per pixel. Hazy and clear frames of the same camera and time differ only by the
/// fog: <c>I = J t + A (1 - t)</c> with <c>J</c> the clear frame.
/// </summary>
public sealed class FoggyStreetsScene : ISceneRenderer, IDisposable
{
    /// <summary>Seconds the camera takes to drive once round its loop.</summary>
    public const double CameraPeriodSeconds = CameraPath.PeriodSeconds;

    // Drift time wraps so the noise coordinates stay small enough for float precision over long runs.
    private const double FogTimeWrapSeconds = 4096.0;

    /// <summary>Size of the fog's denser and thinner patches, in metres.</summary>
    private const float FogPatchSize = 50f;

    /// <summary>The breeze carrying the fog patches, in metres per second.</summary>
    private static readonly Vector3 FogWind = new(1.1f, 0f, 0.45f);

    private readonly IGraphicsDevice _device;
    private readonly IGraphicsProgram _city;
    private readonly IGraphicsProgram _sky;
    private readonly IMesh _ground;
    private readonly IMesh _skyTriangle;
    private readonly CameraPath _path = new();
    private IMesh _structures;
    private int _structuresSeed;
    private SceneOptions _options;
    private bool _disposed;

    /// <summary>Builds the city for <paramref name="options"/>' seed and compiles the shaders.</summary>
    /// <exception cref="ShaderCompilationException">The GLSL does not compile on this device.</exception>
    public FoggyStreetsScene(IGraphicsDevice device, SceneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _options = options ?? new SceneOptions();
        _city = SceneShaders.CreateCity(device);
        try
        {
            _sky = SceneShaders.CreateSky(device);
            _ground = CityLayout.BuildGround().Upload(device);
            _structuresSeed = _options.Seed;
            _structures = CityLayout.BuildStructures(_structuresSeed).Upload(device);
            // One triangle covering the whole screen: cheaper than a quad's shared diagonal.
            ReadOnlySpan<float> corners = [-1f, -1f, 3f, -1f, -1f, 3f];
            ReadOnlySpan<uint> order = [0, 1, 2];
            _skyTriangle = device.CreateMesh(corners, 2, order, [new VertexAttribute(0, 2, 0)]);
        }
        catch
        {
            DisposeResources();
            throw;
        }

        _city.SetUniform("streetGrid", new Vector4(StreetGrid.Pitch, StreetGrid.RoadHalfWidth, StreetGrid.PavementHalfWidth, 0));
    }

    /// <summary>
    /// What is drawn. May change every frame; fog and light changes cost nothing, a new <see cref="SceneOptions.Seed"/>
    /// rebuilds the city on the next <see cref="Render"/>.
    /// </summary>
    public SceneOptions Options
    {
        get => _options;
        set => _options = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Puts <paramref name="camera"/> on its loop through the streets at <paramref name="timeSeconds"/> (periodic in
    /// <see cref="CameraPeriodSeconds"/>, the same for the same time) and sets its clear colour to the horizon sky.
    /// </summary>
    public void PlaceCamera(Camera camera, double timeSeconds)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var transform = camera.Transform;
        transform.Position = _path.Position(timeSeconds);
        transform.LookAt(_path.LookTarget(timeSeconds));
        var sun = SunLight.At(_options.TimeOfDay);
        camera.ClearColor = new Vector4(sun.Horizon, 1f);
    }

    /// <summary>
    /// Clears <paramref name="target"/> to the camera's clear colour and draws city, sky and fog with the camera's
    /// transform, field of view and clip planes at the target's aspect. Allocates nothing in steady state.
    /// </summary>
    /// <exception cref="ArgumentException">The target is known to lack a depth buffer.</exception>
    public void Render(Camera camera, IRenderTarget target, FrameTime time)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(target);
        if (target is ITextureRenderTarget { HasDepth: false })
        {
            throw new ArgumentException("the scene needs a render target with a depth buffer", nameof(target));
        }

        var options = _options;
        if (options.Seed != _structuresSeed)
        {
            RebuildStructures(options.Seed);
        }

        var view = camera.ViewMatrix;
        var projection = Matrix4x4.CreatePerspectiveFieldOfView(
            float.DegreesToRadians(camera.FieldOfView), (float)target.Width / target.Height, camera.NearClipPlane, camera.FarClipPlane);
        var viewProjection = view * projection;
        Matrix4x4.Invert(viewProjection, out var inverseViewProjection);

        SetAtmosphere(_city, camera.Transform.Position, options, time);
        SetAtmosphere(_sky, camera.Transform.Position, options, time);
        _city.SetUniform("viewProjection", viewProjection);
        _sky.SetUniform("inverseViewProjection", inverseViewProjection);

        _device.SetRenderTarget(target);
        _device.SetViewport(0, 0, target.Width, target.Height);
        _device.SetDepthTest(true);
        _device.Clear(camera.ClearColor);
        // Buildings first so the large ground quad behind them fails the depth test before shading.
        _device.DrawIndexed(_city, _structures);
        _device.DrawIndexed(_city, _ground);
        _device.DrawIndexed(_sky, _skyTriangle);
    }

    /// <summary>Releases the meshes and programs; the device must still be alive.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisposeResources();
    }

    private static void SetAtmosphere(IGraphicsProgram program, Vector3 eye, SceneOptions options, FrameTime time)
    {
        var sun = SunLight.At(options.TimeOfDay);
        var density = options.FogEnabled ? Math.Max(options.FogDensity, 0f) : 0f;
        program.SetUniform("cameraPosition", new Vector4(eye, 1f));
        program.SetUniform("sunDirection", new Vector4(sun.Direction, 0f));
        program.SetUniform("sunColor", new Vector4(sun.Color, 1f));
        program.SetUniform("skyZenith", new Vector4(sun.Zenith, 1f));
        program.SetUniform("skyHorizon", new Vector4(sun.Horizon, 1f));
        program.SetUniform("ambientColor", new Vector4(sun.Ambient, 1f));
        program.SetUniform("fogColor", new Vector4(options.FogColor, 1f));
        program.SetUniform("fogParams", new Vector4(density, 1f / FogPatchSize, 0f, 0f));
        var drift = FogWind * (float)(time.TotalSeconds % FogTimeWrapSeconds) / FogPatchSize;
        program.SetUniform("fogOffset", new Vector4(FogOffset(options.FogSeed) - drift, 0f));
    }

    /// <summary>Where the fog seed moves the noise lattice: far enough apart that seeds look unrelated.</summary>
    private static Vector3 FogOffset(int seed)
    {
        var random = new SplitMix(seed);
        return new Vector3(random.Range(0f, 97f), random.Range(0f, 97f), random.Range(0f, 97f));
    }

    private void RebuildStructures(int seed)
    {
        var rebuilt = CityLayout.BuildStructures(seed).Upload(_device);
        _structures.Dispose();
        _structures = rebuilt;
        _structuresSeed = seed;
    }

    private void DisposeResources()
    {
        // Fields are null only when the constructor failed part way; the compiler cannot see that.
        _structures?.Dispose();
        _skyTriangle?.Dispose();
        _ground?.Dispose();
        _sky?.Dispose();
        _city.Dispose();
    }
}
