using NeuralPost.Graphics;
using NeuralPost.Inference;

namespace NeuralPost.Tests.Effects.GpuBackend;

/// <summary>What a <see cref="FakeGpuRunner"/>'s plan writes, or how it fails.</summary>
internal enum FakeGpuOutput
{
    /// <summary>A nearest-neighbour upscale of the input by the runner's scale (a copy at scale 1).</summary>
    Nearest,

    /// <summary>Half the nearest value: the GPU twin of the ONNX stand-in <c>y = 0.5 x</c>.</summary>
    Half,

    /// <summary>NaN everywhere, as a miscompiled kernel might.</summary>
    NaN,

    /// <summary>Zeros everywhere: the black frames some drivers give.</summary>
    Black,

    /// <summary>Bind throws, as a kernel that fails to compile or an allocation that fails would.</summary>
    BindThrows,

    /// <summary>Record throws, as a dispatch the device rejects would.</summary>
    RecordThrows,
}

/// <summary>
/// A stand-in for the GPU-compute runner whose plan is one real compute shader over the storage buffers, so the
/// passes' GPU path (buffers, binding, dispatch order, output check, counters) is exercised before the real runner lands.
/// </summary>
internal sealed class FakeGpuRunner(IGraphicsDevice device, int scale, FakeGpuOutput output) : IGpuNetworkRunner
{
    private readonly IGraphicsDevice _device = device;
    private readonly int _scale = scale;
    private readonly FakeGpuOutput _output = output;

    private const string Source = """
        #version 430
        layout(local_size_x = 16, local_size_y = 16) in;
        layout(std430, binding = 0) readonly buffer In { float inValues[]; };
        layout(std430, binding = 1) writeonly buffer Out { float outValues[]; };
        uniform int inWidth;
        uniform int inHeight;
        uniform int scale;
        uniform int mode; // 0 nearest, 1 half, 2 NaN, 3 black
        void main()
        {
            ivec2 p = ivec2(gl_GlobalInvocationID.xy);
            int outWidth = inWidth * scale;
            int outHeight = inHeight * scale;
            if (p.x >= outWidth || p.y >= outHeight)
            {
                return;
            }

            for (int c = 0; c < 3; c++)
            {
                float v = inValues[(c * inHeight + p.y / scale) * inWidth + p.x / scale];
                if (mode == 1) v *= 0.5;
                if (mode == 2) v = uintBitsToFloat(0x7fc00000u);
                if (mode == 3) v = 0.0;
                outValues[(c * outHeight + p.y) * outWidth + p.x] = v;
            }
        }
        """;

    /// <summary>Plans bound so far.</summary>
    public int BindCount { get; private set; }

    /// <summary>Runs recorded so far.</summary>
    public int RecordCount { get; private set; }

    public bool IsDisposed { get; private set; }

    public NchwShape InputShape => new(1, 3, NchwShape.Dynamic, NchwShape.Dynamic);

    public NchwShape OutputShape => new(1, 3, NchwShape.Dynamic, NchwShape.Dynamic);

    public string Description => "fake GPU compute";

    public NchwShape OutputShapeFor(NchwShape input) => NchwShape.Rgb(input.H * _scale, input.W * _scale);

    public IGpuBoundRun Bind(IStorageBuffer input, NchwShape inputShape, IStorageBuffer output)
    {
        BindCount++;
        if (_output == FakeGpuOutput.BindThrows)
        {
            throw new GraphicsException("fake: the plan's kernel failed to compile");
        }

        return new Run(this, input, inputShape, output);
    }

    public void Dispose() => IsDisposed = true;

    private sealed class Run : IGpuBoundRun
    {
        private readonly FakeGpuRunner _runner;
        private readonly IStorageBuffer _input;
        private readonly IStorageBuffer _output;
        private readonly IComputeProgram _program;

        public Run(FakeGpuRunner runner, IStorageBuffer input, NchwShape inputShape, IStorageBuffer output)
        {
            _runner = runner;
            _input = input;
            _output = output;
            InputShape = inputShape;
            OutputShape = runner.OutputShapeFor(inputShape);
            _program = runner._device.CreateComputeProgram("fake gpu runner", Source);
            _program.SetUniform("inWidth", (int)inputShape.W);
            _program.SetUniform("inHeight", (int)inputShape.H);
            _program.SetUniform("scale", runner._scale);
            _program.SetUniform("mode", runner._output switch
            {
                FakeGpuOutput.Half => 1,
                FakeGpuOutput.NaN => 2,
                FakeGpuOutput.Black => 3,
                _ => 0,
            });
        }

        public NchwShape InputShape { get; }

        public NchwShape OutputShape { get; }

        public void Record()
        {
            _runner.RecordCount++;
            if (_runner._output == FakeGpuOutput.RecordThrows)
            {
                throw new InferenceException("fake: the device rejected a dispatch", new InvalidOperationException("rejected"));
            }

            var device = _runner._device;
            device.BindStorageBuffer(0, _input);
            device.BindStorageBuffer(1, _output);
            device.Dispatch(_program, (int)((OutputShape.W + 15) / 16), (int)((OutputShape.H + 15) / 16), 1);
        }

        public void Dispose() => _program.Dispose();
    }
}
