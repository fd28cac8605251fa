using System.Numerics;
using NeuralPost.Graphics;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlDrawTests
{
    private const string VertexShader = """
        #version 430
        layout(location = 0) in vec3 position;
        layout(location = 1) in vec3 color;
        uniform mat4 transform;
        out vec3 vColor;
        void main() { vColor = color; gl_Position = transform * vec4(position, 1.0); }
        """;

    private const string FragmentShader = """
        #version 430
        in vec3 vColor;
        uniform vec4 tint;
        out vec4 fragColor;
        void main() { fragColor = vec4(vColor, 1.0) * tint; }
        """;

    [Test]
    public void DepthTestedTrianglesLandInTheRenderTarget()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var target = device.CreateTextureRenderTarget(32, 32, TextureFormat.Rgba8, withDepth: true);
        using var program = device.CreateGraphicsProgram("triangle", VertexShader, FragmentShader);
        // Two overlapping triangles: the red one is drawn last but lies behind the green one.
        float[] vertices =
        [
            -0.8f, -0.8f, 0.0f, 0, 1, 0,
            0.8f, -0.8f, 0.0f, 0, 1, 0,
            0.0f, 0.8f, 0.0f, 0, 1, 0,
            -0.8f, -0.8f, 0.5f, 1, 0, 0,
            0.8f, -0.8f, 0.5f, 1, 0, 0,
            0.0f, 0.8f, 0.5f, 1, 0, 0,
        ];
        uint[] indices = [0, 1, 2, 3, 4, 5];
        using var mesh = device.CreateMesh(vertices, 6, indices, [new VertexAttribute(0, 3, 0), new VertexAttribute(1, 3, 3)]);
        program.SetUniform("transform", Matrix4x4.Identity);
        program.SetUniform("tint", Vector4.One);

        device.SetRenderTarget(target);
        device.SetDepthTest(true);
        device.Clear(new Vector4(0, 0, 1, 1));
        device.DrawIndexed(program, mesh);

        var pixels = new byte[target.Color.ByteSize];
        target.Color.Download(pixels);
        Assert.Multiple(() =>
        {
            Assert.That(Pixel(pixels, 32, 16, 16), Is.EqualTo((0, 255, 0, 255)), "centre: the nearer green triangle");
            Assert.That(Pixel(pixels, 32, 0, 0), Is.EqualTo((0, 0, 255, 255)), "corner: the clear colour");
            Assert.That(Pixel(pixels, 32, 31, 31), Is.EqualTo((0, 0, 255, 255)), "corner: the clear colour");
        });

        // Without depth testing the later red triangle wins, proving the test above was the depth test's doing.
        device.SetDepthTest(false);
        device.DrawIndexed(program, mesh);
        target.Color.Download(pixels);
        Assert.That(Pixel(pixels, 32, 16, 16), Is.EqualTo((255, 0, 0, 255)));
    }

    [Test]
    public void BlitScalesNearestExactlyAndLinearWithinOneStep()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var source = device.CreateTextureRenderTarget(2, 1, TextureFormat.Rgba8, withDepth: false);
        using var wide = device.CreateTextureRenderTarget(8, 2, TextureFormat.Rgba8, withDepth: false);
        source.Color.Upload([0, 0, 0, 255, 200, 100, 40, 255]);

        device.Blit(source, wide, BlitFilter.Nearest);
        var pixels = new byte[wide.Color.ByteSize];
        wide.Color.Download(pixels);
        for (var y = 0; y < 2; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                var expected = x < 4 ? (0, 0, 0, 255) : (200, 100, 40, 255);
                Assert.That(Pixel(pixels, 8, x, y), Is.EqualTo(expected), $"nearest at ({x},{y})");
            }
        }

        device.Blit(source, wide, BlitFilter.Linear);
        wide.Color.Download(pixels);
        for (var x = 0; x < 8; x++)
        {
            // Destination pixel centre x+0.5 maps to source coordinate (x+0.5)/4; texel centres sit at 0.5 and 1.5.
            var weight = Math.Clamp((x + 0.5) / 4 - 0.5, 0, 1);
            var (r, g, b, a) = Pixel(pixels, 8, x, 1);
            Assert.Multiple(() =>
            {
                Assert.That(r, Is.EqualTo(200 * weight).Within(1.0), $"linear red at {x}");
                Assert.That(g, Is.EqualTo(100 * weight).Within(1.0), $"linear green at {x}");
                Assert.That(b, Is.EqualTo(40 * weight).Within(1.0), $"linear blue at {x}");
                Assert.That(a, Is.EqualTo(255));
            });
        }
    }

    private static (int R, int G, int B, int A) Pixel(byte[] pixels, int width, int x, int y)
    {
        var i = (y * width + x) * 4;
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]);
    }
}
