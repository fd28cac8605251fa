using System.Numerics;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// A known scene for the sample's tests: a 2-pixel checkerboard over a colour ramp, so a bilinear upscale and any
/// sharper one differ visibly, and the frame is the same whatever the time.
/// </summary>
internal sealed class PatternScene : ISceneRenderer, IDisposable
{
    private const string Vertex = """
        #version 430
        layout(location = 0) in vec2 position;
        void main() { gl_Position = vec4(position, 0.0, 1.0); }
        """;

    private const string Fragment = """
        #version 430
        uniform vec2 size;
        out vec4 color;
        void main() {
            vec2 uv = gl_FragCoord.xy / size;
            float checker = mod(floor(gl_FragCoord.x / 2.0) + floor(gl_FragCoord.y / 2.0), 2.0);
            color = vec4(0.2 + 0.6 * uv.x, 0.3 + 0.4 * uv.y, 0.2 + 0.6 * checker, 1.0);
        }
        """;

    private readonly IGraphicsDevice _device;
    private readonly IGraphicsProgram _program;
    private readonly IMesh _mesh;

    public PatternScene(IGraphicsDevice device)
    {
        _device = device;
        _program = device.CreateGraphicsProgram("pattern scene", Vertex, Fragment);
        _mesh = device.CreateMesh([-1f, -1f, 3f, -1f, -1f, 3f], 2, [0u, 1u, 2u], [new VertexAttribute(0, 2, 0)]);
    }

    public static void PlaceCamera(Camera camera, double timeSeconds)
    {
        // The pattern ignores the camera.
    }

    public void Render(Camera camera, IRenderTarget target, FrameTime time)
    {
        _device.SetRenderTarget(target);
        _device.SetDepthTest(false);
        _device.Clear(Vector4.Zero);
        _program.SetUniform("size", new Vector2(target.Width, target.Height));
        _device.DrawIndexed(_program, _mesh);
    }

    public void Dispose()
    {
        _mesh.Dispose();
        _program.Dispose();
    }
}
