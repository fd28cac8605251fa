using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlComputeTests
{
    private const int Width = 13;
    private const int Height = 9;

    private const string BufferShader = """
        #version 430
        layout(local_size_x = 8, local_size_y = 8) in;
        layout(std430, binding = 3) writeonly buffer Output { uint values[]; };
        uniform int width;
        uniform int height;
        uniform int scale;
        void main()
        {
            uvec2 p = gl_GlobalInvocationID.xy;
            if (p.x >= uint(width) || p.y >= uint(height)) return;
            values[p.y * uint(width) + p.x] = p.x * uint(scale) + p.y * 1000u + 7u;
        }
        """;

    private const string ImageShader = """
        #version 430
        layout(local_size_x = 8, local_size_y = 8) in;
        layout(rgba8, binding = 1) writeonly uniform image2D target;
        uniform float offset;
        void main()
        {
            ivec2 p = ivec2(gl_GlobalInvocationID.xy);
            if (any(greaterThanEqual(p, imageSize(target)))) return;
            imageStore(target, p, vec4(float(p.x) / 255.0, float(p.y) / 255.0, offset, 1.0));
        }
        """;

    [Test]
    public void ComputeWritesStorageBufferReadBackDirectlyAndThroughPbo()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var program = device.CreateComputeProgram("fxy.comp", BufferShader);
        using var buffer = device.CreateStorageBuffer(Width * Height * sizeof(uint));
        using var readback = device.CreateReadbackBuffer(buffer.ByteSize);
        program.SetUniform("width", Width);
        program.SetUniform("height", Height);
        program.SetUniform("scale", 3);
        device.BindStorageBuffer(3, buffer);
        device.Dispatch(program, (Width + 7) / 8, (Height + 7) / 8, 1);

        var expected = new uint[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                expected[y * Width + x] = (uint)(x * 3 + y * 1000 + 7);
            }
        }

        var direct = new uint[Width * Height];
        buffer.Download(MemoryMarshal.AsBytes(direct.AsSpan()));
        readback.StartRead(buffer, 0, buffer.ByteSize);
        var viaPbo = new uint[Width * Height];
        readback.Complete(MemoryMarshal.AsBytes(viaPbo.AsSpan()));
        Assert.Multiple(() =>
        {
            Assert.That(direct, Is.EqualTo(expected));
            Assert.That(viaPbo, Is.EqualTo(expected));
            Assert.That(readback.IsReady, Is.True);
        });
    }

    [Test]
    public void ComputeWritesImageReadBackDirectlyAndThroughPbo()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var program = device.CreateComputeProgram("image.comp", ImageShader);
        using var target = device.CreateTextureRenderTarget(Width, Height, TextureFormat.Rgba8, withDepth: false);
        using var readback = device.CreateReadbackBuffer(target.Color.ByteSize);
        program.SetUniform("offset", 128f / 255f);
        device.BindImage(1, target.Color, ImageAccess.Write);
        device.Dispatch(program, (Width + 7) / 8, (Height + 7) / 8, 1);

        var expected = new byte[target.Color.ByteSize];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width + x) * 4;
                expected[i] = (byte)x;
                expected[i + 1] = (byte)y;
                expected[i + 2] = 128;
                expected[i + 3] = 255;
            }
        }

        var direct = new byte[expected.Length];
        target.Color.Download(direct);
        var viaTexturePbo = new byte[expected.Length];
        readback.StartRead(target.Color);
        readback.Complete(viaTexturePbo);
        var viaFramebufferPbo = new byte[expected.Length];
        readback.StartRead((IRenderTarget)target);
        while (!readback.TryComplete(viaFramebufferPbo))
        {
            Thread.Yield();
        }

        Assert.Multiple(() =>
        {
            Assert.That(direct, Is.EqualTo(expected));
            Assert.That(viaTexturePbo, Is.EqualTo(expected));
            Assert.That(viaFramebufferPbo, Is.EqualTo(expected));
        });
    }

    [Test]
    public void CompileErrorNamesTheShaderAndCarriesTheLog()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        const string broken = "#version 430\nlayout(local_size_x = 1) in;\nvoid main() { undefined_thing = 1; }\n";
        var exception = Assert.Throws<ShaderCompilationException>(() => device.CreateComputeProgram("broken.comp", broken));
        TestContext.Out.WriteLine(exception!.Message);
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("broken.comp"));
            Assert.That(exception.Message, Does.Contain("undefined_thing"));
            Assert.That(exception.Message, Does.Not.Contain("\n"));
            Assert.That(device.LiveResourceCount, Is.Zero);
        });
    }
}
