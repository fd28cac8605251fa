using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>"Draws" a scene by filling the target and naming the camera in its content.</summary>
internal sealed class FakeSceneRenderer : ISceneRenderer
{
    public List<(Camera Camera, Size Size, bool WithDepth)> Calls { get; } = [];

    public void Render(Camera camera, IRenderTarget target, FrameTime time)
    {
        var fake = (FakeRenderTarget)target;
        Calls.Add((camera, new Size(target.Width, target.Height), fake.WithDepth));
        fake.Fill(0.5f);
        fake.Content.Clear();
        fake.Content.Add($"scene:{camera.GameObject.Name}");
    }
}
