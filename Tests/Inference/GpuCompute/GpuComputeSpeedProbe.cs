using System.Diagnostics;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// Milliseconds per run of a network through the GPU-compute runner and through ONNX Runtime (CPU) at a frame size.
/// A measurement, not a check: explicit only, run with
/// <c>dotnet test Tests/NeuralPost.Tests.csproj -c Release --no-build --filter "FullyQualifiedName~GpuComputeSpeedProbe" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Explicit("a measurement; prints figures, asserts nothing about speed")]
[NonParallelizable]
internal sealed class GpuComputeSpeedProbe : OrtTestFixture
{
    [TestCase("imdn-rtc-x2", 270, 480, 2)]
    [TestCase("dehaze", 272, 480, 1)]
    public void MillisecondsPerRun(string id, int height, int width, int runs)
    {
        using var device = GpuComputeRig.Device();
        var path = GpuComputeRig.Model(id);
        var shape = NchwShape.Rgb(height, width);
        var input = new float[shape.ElementCount];
        var random = new Random(5);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)random.NextDouble();
        }

        using var runner = GpuComputeRunner.Open(device, path);
        var outputShape = runner.OutputShapeFor(shape);
        using var inputBuffer = GpuComputeRig.Upload(device, input);
        using var outputBuffer = device.CreateStorageBuffer((int)outputShape.ElementCount * sizeof(float));
        using var run = (GpuBoundRun)runner.Bind(inputBuffer, shape, outputBuffer);
        run.Record();
        device.Finish();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            run.Record();
        }

        device.Finish();
        var gpuMs = clock.Elapsed.TotalMilliseconds / runs;

        using var ort = OnnxNetworkRunner.Open(Ort, path);
        var output = new float[outputShape.ElementCount];
        using var ortRun = ort.Bind(input, shape, output, outputShape);
        ortRun.Run();
        clock.Restart();
        for (var i = 0; i < runs; i++)
        {
            ortRun.Run();
        }

        var ortMs = clock.Elapsed.TotalMilliseconds / runs;
        var gflop = 2e-9 * run.MultiplyAdds;
        TestContext.Out.WriteLine($"{id} {width}x{height} -> {outputShape}: {gflop:F2} GFLOP/run, {run.StepCount} dispatches; "
            + $"{runner.Description} on {device.Renderer}: {gpuMs:F0} ms/run ({gflop / gpuMs * 1e3:F1} GFLOP/s); "
            + $"ONNX Runtime CPU: {ortMs:F0} ms/run ({gflop / ortMs * 1e3:F1} GFLOP/s); GPU/ORT time ratio {gpuMs / ortMs:F2}");
    }
}
