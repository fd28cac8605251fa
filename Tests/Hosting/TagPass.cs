using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>A size-keeping pass that appends its tag to the image's content; throws while <see cref="Throws"/>.</summary>
internal class TagPass : Component, IPostProcess
{
    public string Tag { get; set; } = "pass";

    public bool Throws { get; set; }

    public bool Active { get; set; } = true;

    public List<(FakeRenderTarget Source, FakeRenderTarget Destination)> Calls { get; } = [];

    public bool IsActive() => Active;

    public virtual Size GetOutputSize(Size input, Camera camera) => input;

    public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        var from = (FakeRenderTarget)source;
        var to = (FakeRenderTarget)destination;
        Calls.Add((from, to));
        if (Throws)
        {
            throw new InvalidOperationException($"{Tag} is broken");
        }

        to.Derive(from, Tag);
    }
}
