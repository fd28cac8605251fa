using System.Runtime.InteropServices;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// Helpers for GPU-compute runner tests: the headless device (tests are ignored, with the reason, where no GL 4.3
/// context exists), the real-image fixture, and running a network through either runner.
/// </summary>
internal static class GpuComputeRig
{
    public static string Model(string id) => Path.Combine(TestPaths.RepoRoot, "Models", id + ".onnx");

    /// <summary>A 48x32 crop of Set5's butterfly (LR x2): edges and flat colour, as frames have.</summary>
    public static Rgb8Image Picture(int width, int height) =>
        ImageFile.Load(Path.Combine(TestPaths.RepoRoot, "Tests", "Inference", "GpuCompute", "Fixtures", "butterfly-48x32.png")).Crop(width, height);

    public static GlDevice Device() => GlTestDevice.CreateOrIgnore();

    public static IStorageBuffer Upload(IGraphicsDevice device, float[] values)
    {
        var buffer = device.CreateStorageBuffer(values.Length * sizeof(float));
        buffer.Upload(MemoryMarshal.AsBytes(values.AsSpan()));
        return buffer;
    }

    public static float[] Download(IStorageBuffer buffer, long count)
    {
        var values = new float[count];
        buffer.Download(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Runs <paramref name="input"/> through the GPU-compute runner once and reads the output back.</summary>
    public static float[] RunGpu(IGraphicsDevice device, IGpuNetworkRunner runner, float[] input, NchwShape shape, out NchwShape outputShape)
    {
        outputShape = runner.OutputShapeFor(shape);
        using var inputBuffer = Upload(device, input);
        using var outputBuffer = device.CreateStorageBuffer(checked((int)outputShape.ElementCount * sizeof(float)));
        using (var run = runner.Bind(inputBuffer, shape, outputBuffer))
        {
            run.Record();
        }

        return Download(outputBuffer, outputShape.ElementCount);
    }

    /// <summary>Runs <paramref name="input"/> through ONNX Runtime on the CPU, the reference.</summary>
    public static float[] RunOrt(OnnxEnvironment ort, string path, float[] input, NchwShape shape, out NchwShape outputShape)
    {
        using var runner = OnnxNetworkRunner.Open(ort, path);
        outputShape = runner.ProbeOutputShape(shape);
        var output = new float[outputShape.ElementCount];
        using var run = runner.Bind(input, shape, output, outputShape);
        run.Run();
        return output;
    }

    public static float MaxAbsDifference(float[] a, float[] b)
    {
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            max = float.IsNaN(d) ? float.PositiveInfinity : Math.Max(max, d);
        }

        return max;
    }
}
