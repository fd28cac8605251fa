using NeuralPost.Graphics;

namespace NeuralPost.Tests.Hosting;

/// <summary>
/// A CPU-side render target: RGBA float pixels plus <see cref="Content"/>, the list of steps that produced the
/// image, which lets tests read "what happened to this frame" without a GPU.
/// </summary>
internal sealed class FakeRenderTarget(int width, int height, TextureFormat format, bool withDepth, int serial) : IRenderTarget
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public TextureFormat Format { get; } = format;

    public bool WithDepth { get; } = withDepth;

    public int Serial { get; } = serial;

    public float[] Pixels { get; } = new float[width * height * 4];

    public List<string> Content { get; } = [];

    public bool IsDisposed { get; private set; }

    public void Dispose() => IsDisposed = true;

    public void Fill(float value) => Array.Fill(Pixels, value);

    /// <summary>Replaces this image with <paramref name="source"/>'s steps plus one more.</summary>
    public void Derive(FakeRenderTarget source, string step)
    {
        Content.Clear();
        Content.AddRange(source.Content);
        Content.Add(step);
    }

    public override string ToString() => $"#{Serial} {Width}x{Height}";
}
