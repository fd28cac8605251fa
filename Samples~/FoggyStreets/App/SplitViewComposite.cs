using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// The split view's last pass: the left half of the output from a <see cref="SplitViewCapture"/>, the right half
/// from the chain's own result, and a thin divider between them. A fragment shader picks per pixel, because the
/// device's blit copies whole targets only.
/// </summary>
public sealed class SplitViewComposite : Component, IPostProcess
{
    /// <summary>Divider width in pixels, centred on the middle column boundary.</summary>
    public const int DividerWidth = 2;

    private const string FragmentShader = """
        #version 430
        layout(binding = 0) uniform sampler2D leftImage;
        layout(binding = 1) uniform sampler2D rightImage;
        uniform float splitX;
        uniform float dividerHalfWidth;
        out vec4 color;
        void main() {
            ivec2 p = ivec2(gl_FragCoord.xy);
            float x = gl_FragCoord.x;
            if (abs(x - splitX) < dividerHalfWidth) {
                color = vec4(1.0, 0.85, 0.2, 1.0);
            } else {
                color = x < splitX ? texelFetch(leftImage, p, 0) : texelFetch(rightImage, p, 0);
            }
        }
        """;

    private IGraphicsDevice? _device;
    private IGraphicsProgram? _program;
    private IMesh? _mesh;
    private ITextureRenderTarget? _scratch;

    /// <summary>The capture whose frame fills the left half; the sample points it at the active one each frame.</summary>
    public SplitViewCapture? Left { get; set; }

    /// <summary>Compiles the composite program on <paramref name="device"/>.</summary>
    public void Bind(IGraphicsDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _program = device.CreateGraphicsProgram("split-view composite", FullscreenTriangle.VertexShader, FragmentShader);
        _mesh = FullscreenTriangle.CreateMesh(device);
    }

    /// <inheritdoc/>
    public Size GetOutputSize(Size input, Camera camera) => input;

    /// <inheritdoc/>
    public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        var left = Left?.Captured;
        if (_device is not { } device || _program is null || _mesh is null || left is null
            || left.Width != destination.Width || left.Height != destination.Height)
        {
            // Nothing captured at this size yet (first frame after a toggle or resize): show the plain result.
            context.Copier.Blit(source, destination, BlitFilter.Nearest);
            return;
        }

        device.BindTexture(0, left.Color);
        device.BindTexture(1, RightTexture(device, source, context));
        _program.SetUniform("splitX", destination.Width / 2f);
        _program.SetUniform("dividerHalfWidth", DividerWidth / 2f);
        device.SetRenderTarget(destination);
        device.SetDepthTest(false);
        device.DrawIndexed(_program, _mesh);
    }

    /// <inheritdoc/>
    protected override void OnDestroy()
    {
        _scratch?.Dispose();
        _mesh?.Dispose();
        _program?.Dispose();
        _scratch = null;
        _mesh = null;
        _program = null;
    }

    private ITexture RightTexture(IGraphicsDevice device, IRenderTarget source, PostProcessContext context)
    {
        if (source is ITextureRenderTarget textured)
        {
            return textured.Color;
        }

        // A backend whose targets cannot be sampled: copy into one that can.
        if (_scratch is null || _scratch.Width != source.Width || _scratch.Height != source.Height || _scratch.Format != source.Format)
        {
            _scratch?.Dispose();
            _scratch = null;
            _scratch = device.CreateTextureRenderTarget(source.Width, source.Height, source.Format, withDepth: false);
        }

        context.Copier.Blit(source, _scratch, BlitFilter.Nearest);
        return _scratch.Color;
    }
}
