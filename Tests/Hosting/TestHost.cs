using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>A world wired to CPU fakes, with a display target and a frame clock.</summary>
internal sealed class TestHost : IDisposable
{
    public TestHost(int displayWidth = 128, int displayHeight = 72)
    {
        World = new World(Allocator, Scene, Copier, Log.Add);
        Display = new FakeRenderTarget(displayWidth, displayHeight, TextureFormat.Rgba8, false, -1);
    }

    public FakeAllocator Allocator { get; } = new();

    public FakeSceneRenderer Scene { get; } = new();

    public FakeCopier Copier { get; } = new();

    public List<string> Log { get; } = [];

    public World World { get; }

    public FakeRenderTarget Display { get; set; }

    public FrameTime Time { get; private set; } = new(0f, 0d, 0);

    public (GameObject Object, Camera Camera) AddCamera(string name = "Main")
    {
        var gameObject = World.CreateGameObject(name);
        return (gameObject, gameObject.AddComponent<Camera>());
    }

    /// <summary>Updates and renders one frame, then advances the clock.</summary>
    public void Frame()
    {
        World.Update(Time);
        World.Render(Display, Time);
        Time = Time.Next(1f / 60f);
    }

    public void Frames(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Frame();
        }
    }

    public void Dispose() => World.Dispose();
}
