using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// Renders one camera: scene at render resolution, then its post-processes in component order with ping-pong
/// intermediates, the last writing the output. A pass that throws is replaced by its fallback for the rest of its
/// enabled life and logged once, so one broken effect costs quality, never the frame.
/// </summary>
internal sealed class CameraPipeline : IDisposable
{
    private readonly IRenderTargetAllocator _allocator;
    private readonly ISceneRenderer _sceneRenderer;
    private readonly IFrameCopier _copier;
    private readonly Action<string> _log;
    private readonly IGraphicsDevice? _device;
    private readonly Dictionary<Camera, RenderTargetPool> _pools = [];
    private readonly List<Component> _passes = [];
    private PostProcessContext? _context;

    public CameraPipeline(
        IRenderTargetAllocator allocator, ISceneRenderer sceneRenderer, IFrameCopier copier, Action<string> log)
    {
        _allocator = allocator;
        _sceneRenderer = sceneRenderer;
        _copier = copier;
        _log = log;
        _device = allocator as IGraphicsDevice;
    }

    public void Render(Camera camera, IRenderTarget display, FrameTime time, PassTimings timings, long frame)
    {
        camera.DisplaySize = new Size(display.Width, display.Height);
        var output = camera.TargetTexture ?? display;
        var outputSize = new Size(output.Width, output.Height);
        var renderSize = camera.RenderResolution;

        if (!_pools.TryGetValue(camera, out var pool))
        {
            pool = new RenderTargetPool(_allocator);
            _pools.Add(camera, pool);
        }

        pool.BeginFrame(frame);
        var scene = pool.Acquire(renderSize, camera.ColorFormat, withDepth: true, avoid: null);
        _sceneRenderer.Render(camera, scene, time);

        CollectPasses(camera);
        if (_context is null)
        {
            _context = new PostProcessContext(camera, time, _copier, timings);
        }
        else
        {
            _context.Reset(camera, time);
        }

        IRenderTarget current = scene;
        var currentSize = renderSize;
        // The chain's own host<->device bytes, apart from the scene's and the host's: a pass that never leaves the
        // GPU shows 0 here in steady state.
        var before = _device?.Transfers ?? default;
        for (var i = 0; i < _passes.Count; i++)
        {
            var component = _passes[i];
            var pass = (IPostProcess)component;
            var nextSize = OutputSizeOf(component, pass, currentSize, camera);
            var destination = i == _passes.Count - 1 && nextSize == outputSize
                ? output
                : pool.Acquire(nextSize, camera.ColorFormat, withDepth: false, avoid: current);
            RunPass(component, pass, current, destination, currentSize != nextSize);
            current = destination;
            currentSize = nextSize;
        }

        // No passes, or a chain whose declared size is not the output's: resample, bilinear unless sizes match.
        if (!ReferenceEquals(current, output))
        {
            _copier.Blit(current, output, currentSize == outputSize ? BlitFilter.Nearest : BlitFilter.Linear);
        }

        if (_device is not null)
        {
            timings.AddChainTransfers(_device.Transfers - before);
        }

        _passes.Clear();
        pool.EndFrame();
    }

    /// <summary>Disposes the targets of cameras that were not rendered in <paramref name="frame"/>.</summary>
    public void ReleaseUnused(long frame)
    {
        foreach (var (camera, pool) in _pools)
        {
            if (pool.Frame != frame)
            {
                pool.Dispose();
                _pools.Remove(camera);
            }
        }
    }

    /// <summary>Number of targets the pipeline holds for a camera (0 when none), for diagnostics and tests.</summary>
    public int TargetCount(Camera camera) => _pools.TryGetValue(camera, out var pool) ? pool.Count : 0;

    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }

        _pools.Clear();
    }

    private void CollectPasses(Camera camera)
    {
        foreach (var component in camera.GameObject.ComponentList)
        {
            if (component.IsActiveAndEnabled && component is IPostProcess pass && IsPassActive(component, pass))
            {
                _passes.Add(component);
            }
        }
    }

    private bool IsPassActive(Component component, IPostProcess pass)
    {
        try
        {
            return pass.IsActive();
        }
        catch (Exception e) // A pass that cannot say is run, so its own fault handling and fallback apply.
        {
            Fault(component, Describe(e));
            return true;
        }
    }

    private Size OutputSizeOf(Component component, IPostProcess pass, Size input, Camera camera)
    {
        try
        {
            var size = pass.GetOutputSize(input, camera);
            if (size.IsPositive)
            {
                return size;
            }

            Fault(component, $"GetOutputSize returned {size}");
        }
        catch (Exception e) // Whatever a pass throws, only that pass may suffer for it.
        {
            Fault(component, Describe(e));
        }

        return input;
    }

    private void RunPass(Component component, IPostProcess pass, IRenderTarget source, IRenderTarget destination, bool resizes)
    {
        var context = _context!;
        if (!component.IsFaulted)
        {
            try
            {
                pass.OnRenderImage(source, destination, context);
                return;
            }
            catch (Exception e) // Whatever a pass throws, only that pass may suffer for it.
            {
                Fault(component, Describe(e));
            }
        }

        if (component is IPostProcessFallback fallback && !component.FallbackFaulted)
        {
            try
            {
                fallback.OnRenderImageFallback(source, destination, context);
                return;
            }
            catch (Exception e)
            {
                component.FallbackFaulted = true;
                _log($"{Name(component)}: its fallback failed too, blitting instead: {Describe(e)}");
            }
        }

        _copier.Blit(source, destination, resizes ? BlitFilter.Linear : BlitFilter.Nearest);
    }

    private void Fault(Component component, string reason)
    {
        if (component.IsFaulted)
        {
            return;
        }

        component.IsFaulted = true;
        _log($"{Name(component)}: post-process failed, using its fallback until it is re-enabled: {reason}");
    }

    private static string Name(Component component) => $"{component.GameObject.Name}/{component.GetType().Name}";

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
