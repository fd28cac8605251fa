using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// Holds game objects, runs their lifecycle and renders their cameras. The application calls <see cref="Update"/>
/// then <see cref="Render"/> once per frame.
/// </summary>
/// <remarks>
/// Each active, enabled camera renders independently, in ascending <see cref="Camera.Depth"/> and, for equal
/// depths, in the order the objects were added: scene at the camera's render resolution into a target with depth,
/// then the post-processes on the camera's object in component order, the last writing the camera's output.
/// Targets are owned per camera and reused every frame; they are re-created only when a size changes and disposed
/// when a camera stops rendering or the world is disposed.
/// </remarks>
public sealed class World : IDisposable
{
    private readonly List<GameObject> _objects = [];
    private readonly List<Camera> _cameras = [];
    private readonly CameraPipeline _pipeline;
    private readonly IGraphicsDevice? _device;
    private int _iterating;
    private bool _needsCompaction;
    private long _renderedFrames;
    private bool _disposed;

    /// <summary>Creates a world that renders with the application's services.</summary>
    /// <param name="allocator">Creates the scene and intermediate targets.</param>
    /// <param name="sceneRenderer">Draws the scene for a camera.</param>
    /// <param name="copier">Presents un-post-processed cameras and stands in for failed passes.</param>
    /// <param name="log">Receives one line per problem the world works around; defaults to standard error.</param>
    public World(IRenderTargetAllocator allocator, ISceneRenderer sceneRenderer, IFrameCopier copier, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(sceneRenderer);
        ArgumentNullException.ThrowIfNull(copier);
        _pipeline = new CameraPipeline(allocator, sceneRenderer, copier, log ?? Console.Error.WriteLine);
        // A device allocator also counts host<->device bytes; any other allocator (tests' fakes) measures none.
        _device = allocator as IGraphicsDevice;
    }

    /// <summary>The objects in the world, in the order they were added.</summary>
    public IReadOnlyList<GameObject> GameObjects => _objects;

    /// <summary>Per-pass timings of the last rendered frame; reset at the start of each <see cref="Render"/>.</summary>
    public PassTimings Timings { get; } = new();

    internal bool IsIterating => _iterating > 0;

    /// <summary>Creates an object in this world.</summary>
    public GameObject CreateGameObject(string name = "GameObject")
    {
        var gameObject = new GameObject(name);
        Add(gameObject);
        return gameObject;
    }

    /// <summary>
    /// Adds an object and awakes its components (then enables those that are enabled, if the object is active).
    /// Objects added during an update are first updated in the next one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object is in another world or destroyed.</exception>
    public void Add(GameObject gameObject)
    {
        ArgumentNullException.ThrowIfNull(gameObject);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ReferenceEquals(gameObject.World, this))
        {
            return;
        }

        if (gameObject.World is not null || gameObject.IsDestroyed)
        {
            throw new InvalidOperationException($"'{gameObject.Name}' is destroyed or belongs to another world");
        }

        _objects.Add(gameObject);
        gameObject.EnterWorld(this);
    }

    /// <summary>Destroys an object of this world; safe to call from inside an update.</summary>
    /// <exception cref="ArgumentException">The object belongs to another world.</exception>
    public void Destroy(GameObject gameObject)
    {
        ArgumentNullException.ThrowIfNull(gameObject);
        if (!ReferenceEquals(gameObject.World, this))
        {
            throw new ArgumentException($"'{gameObject.Name}' is not in this world", nameof(gameObject));
        }

        gameObject.DestroyComponents();
        if (IsIterating)
        {
            _needsCompaction = true;
        }
        else
        {
            _objects.Remove(gameObject);
            gameObject.World = null;
        }
    }

    /// <summary>
    /// Starts every active, enabled component that has not started yet, then updates every active, enabled,
    /// started component, objects and components in the order they were added.
    /// </summary>
    public void Update(FrameTime time)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _iterating++;
        try
        {
            // Counts are read once so components added during the loop wait for the next frame, Start first.
            var objectCount = _objects.Count;
            for (var i = 0; i < objectCount; i++)
            {
                var components = _objects[i].ComponentList;
                var count = components.Count;
                for (var j = 0; j < count; j++)
                {
                    if (components[j] is { IsActiveAndEnabled: true, Started: false } component)
                    {
                        component.RunStart();
                    }
                }
            }

            for (var i = 0; i < objectCount; i++)
            {
                var components = _objects[i].ComponentList;
                var count = components.Count;
                for (var j = 0; j < count; j++)
                {
                    if (components[j] is { IsActiveAndEnabled: true, Started: true } component)
                    {
                        component.RunUpdate(time);
                    }
                }
            }
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>
    /// Renders every active, enabled camera; cameras without a <see cref="Camera.TargetTexture"/> write to
    /// <paramref name="display"/>, whose size becomes their <see cref="Camera.DisplaySize"/>.
    /// </summary>
    public void Render(IRenderTarget display, FrameTime time)
    {
        ArgumentNullException.ThrowIfNull(display);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _iterating++;
        try
        {
            Timings.BeginFrame(_device?.Transfers ?? default);
            var frame = ++_renderedFrames;
            CollectCameras();
            foreach (var camera in _cameras)
            {
                _pipeline.Render(camera, display, time, Timings, frame);
            }

            _cameras.Clear();
            _pipeline.ReleaseUnused(frame);
            Timings.MarkFrameTransfers(_device?.Transfers ?? default);
        }
        finally
        {
            EndIteration();
        }
    }

    /// <summary>Number of render targets the world holds for a camera, to observe reuse.</summary>
    public int GetTargetCount(Camera camera) => _pipeline.TargetCount(camera);

    /// <summary>Destroys every object and disposes every render target the world created.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        foreach (var gameObject in _objects)
        {
            gameObject.DestroyComponents();
            gameObject.World = null;
        }

        _objects.Clear();
        _pipeline.Dispose();
        _disposed = true;
    }

    internal void RequestCompaction() => _needsCompaction = true;

    private void CollectCameras()
    {
        foreach (var gameObject in _objects)
        {
            foreach (var component in gameObject.ComponentList)
            {
                if (component is Camera { IsActiveAndEnabled: true } camera)
                {
                    // Insertion sort: stable (equal depths keep add order) and allocation-free for a handful of cameras.
                    var index = _cameras.Count;
                    while (index > 0 && _cameras[index - 1].Depth > camera.Depth)
                    {
                        index--;
                    }

                    _cameras.Insert(index, camera);
                }
            }
        }
    }

    private void EndIteration()
    {
        if (--_iterating > 0 || !_needsCompaction)
        {
            return;
        }

        _needsCompaction = false;
        foreach (var gameObject in _objects)
        {
            gameObject.CompactComponents();
            if (gameObject.IsDestroyed)
            {
                gameObject.World = null;
            }
        }

        _objects.RemoveAll(static o => o.IsDestroyed);
    }
}
