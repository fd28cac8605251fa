using Microsoft.ML.OnnxRuntime;
using NeuralPost.Inference;

namespace NeuralPost.Editor.Bench;

/// <summary>
/// Per-call cost of our bound run against the official API's Run by name over the same preallocated tensors,
/// one intra-op thread, on a model small enough that the call overhead dominates.
/// </summary>
internal static class RunOverhead
{
    /// <summary>Seconds per call: (our <see cref="IBoundRun.Run"/>, <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>).</summary>
    public static (double Bound, double ByName) Measure(OnnxEnvironment environment, string modelPath, int size)
    {
        var inputShape = NchwShape.Rgb(size, size);
        var outputShape = NchwShape.Rgb(2 * size, 2 * size);
        var input = new float[inputShape.ElementCount];
        var output = new float[outputShape.ElementCount];

        using var runner = OnnxNetworkRunner.Open(environment, modelPath, new RunnerOptions { IntraOpThreads = 1 });
        using var run = runner.Bind(input, inputShape, output, outputShape);
        var calls = Bench.Measure.Calibrate(run.Run, TimeSpan.FromMilliseconds(200));
        var bound = Bench.Measure.SecondsPerOperation(() => Repeat(run.Run, calls), calls);

        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(modelPath, options);
        using var runOptions = new RunOptions();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, inputShape.ToArray());
        using var outputValue = OrtValue.CreateTensorValueFromMemory(output, outputShape.ToArray());
        string[] inputNames = [session.InputNames[0]];
        string[] outputNames = [session.OutputNames[0]];
        OrtValue[] inputs = [inputValue];
        OrtValue[] outputs = [outputValue];
        void ByName() => session.Run(runOptions, inputNames, inputs, outputNames, outputs);
        var byName = Bench.Measure.SecondsPerOperation(() => Repeat(ByName, calls), calls);
        return (bound, byName);
    }

    private static void Repeat(Action action, int count)
    {
        for (var i = 0; i < count; i++)
        {
            action();
        }
    }
}
