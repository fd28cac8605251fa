using System.Numerics;
using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Tests.Graphics;

/// <summary>
/// Every per-frame command of the OpenGL device must allocate nothing once its programs and buffers exist: Silk.NET
/// offers allocating overloads (strings, arrays, returned values) next to pointer ones, and one slip shows up here.
/// </summary>
[NonParallelizable]
internal sealed class GlFrameAllocationTests
{
    private const int Size = 16;

    private const string ComputeShader = """
        #version 430
        layout(local_size_x = 8, local_size_y = 8) in;
        layout(rgba8, binding = 0) writeonly uniform image2D target;
        layout(std430, binding = 1) buffer Values { float values[]; };
        layout(binding = 2) uniform sampler2D source;
        uniform int count;
        uniform float gain;
        uniform vec2 offset;
        uniform vec4 tint;
        void main()
        {
            ivec2 p = ivec2(gl_GlobalInvocationID.xy);
            values[(p.y * 8 + p.x) % count] += gain;
            imageStore(target, p, texelFetch(source, p, 0) * tint + vec4(offset, 0.0, 0.0));
        }
        """;

    private const string VertexShader = """
        #version 430
        layout(location = 0) in vec2 position;
        uniform mat4 transform;
        void main() { gl_Position = transform * vec4(position, 0.0, 1.0); }
        """;

    private const string FragmentShader = """
        #version 430
        uniform vec4 color;
        out vec4 fragColor;
        void main() { fragColor = color; }
        """;

    [Test]
    public void FrameCommandsAllocateNothingOnceResourcesExist()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var frame = new Frame(device);
        frame.Run();
        frame.Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            frame.Run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        device.CheckError("the measured frames");
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero, "managed bytes allocated by 20 frames");
            Assert.That(frame.Pixels[3], Is.EqualTo(255), "the frame really drew: alpha of the first pixel");
        });
    }

    private sealed class Frame : IDisposable
    {
        private readonly IGraphicsDevice _device;
        private readonly IComputeProgram _compute;
        private readonly IGraphicsProgram _draw;
        private readonly IMesh _quad;
        private readonly ITextureRenderTarget _scene;
        private readonly ITextureRenderTarget _output;
        private readonly ITexture _image;
        private readonly IStorageBuffer _values;
        private readonly IReadbackBuffer _readback;
        private readonly IGpuTimer _timer;
        private readonly float[] _floats = new float[64];
        private readonly byte[] _outputPixels = new byte[Size * Size * 4 * 4];

        public Frame(IGraphicsDevice device)
        {
            _device = device;
            _compute = device.CreateComputeProgram("alloc.comp", ComputeShader);
            _draw = device.CreateGraphicsProgram("alloc.draw", VertexShader, FragmentShader);
            _quad = device.CreateMesh([-1, -1, 1, -1, 1, 1, -1, 1], 2, [0, 1, 2, 0, 2, 3], [new VertexAttribute(0, 2, 0)]);
            _scene = device.CreateTextureRenderTarget(Size, Size, TextureFormat.Rgba8, withDepth: true);
            _output = device.CreateTextureRenderTarget(Size * 2, Size * 2, TextureFormat.Rgba8, withDepth: false);
            _image = device.CreateTexture(Size, Size, TextureFormat.Rgba8);
            _values = device.CreateStorageBuffer(_floats.Length * sizeof(float));
            _readback = device.CreateReadbackBuffer(Size * Size * 4 * 4);
            _timer = device.CreateTimer();
        }

        public byte[] Pixels { get; } = new byte[Size * Size * 4];

        public void Run()
        {
            _timer.Begin();
            _device.SetRenderTarget(_scene);
            _device.SetViewport(0, 0, Size, Size);
            _device.SetDepthTest(true);
            _device.Clear(new Vector4(0.1f, 0.2f, 0.3f, 1f));
            _draw.SetUniform("transform", Matrix4x4.CreateScale(0.5f));
            _draw.SetUniform("color", new Vector4(1f, 0.5f, 0.25f, 1f));
            _device.DrawIndexed(_draw, _quad);
            _device.SetDepthTest(false);

            _values.Upload(MemoryMarshal.AsBytes(_floats.AsSpan()));
            _compute.SetUniform("count", _floats.Length);
            _compute.SetUniform("gain", 0.5f);
            _compute.SetUniform("offset", new Vector2(0.01f, 0.02f));
            _compute.SetUniform("tint", Vector4.One);
            _device.BindTexture(2, _scene.Color);
            _device.BindImage(0, _image, ImageAccess.Write);
            _device.BindStorageBuffer(1, _values);
            _device.Dispatch(_compute, Size / 8, Size / 8, 1);
            _device.Blit(_scene, _output, BlitFilter.Linear);
            _timer.End();

            _readback.StartRead(_image);
            _readback.Complete(Pixels);
            _readback.StartRead(_output);
            _readback.Complete(_outputPixels);
            _readback.StartRead(_values, 0, _values.ByteSize);
            _device.Flush();
            _readback.Complete(Pixels);
            _image.Download(Pixels);
            _values.Download(MemoryMarshal.AsBytes(_floats.AsSpan()));
            _timer.TryGetResult(out _);
        }

        public void Dispose()
        {
            foreach (var resource in new IDisposable[] { _timer, _readback, _values, _image, _output, _scene, _quad, _draw, _compute })
            {
                resource.Dispose();
            }
        }
    }
}
