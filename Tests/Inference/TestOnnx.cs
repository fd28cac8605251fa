using NeuralPost.Inference;

namespace NeuralPost.Tests;

/// <summary>The process's ONNX Runtime environment as tests use it: errors only, to the test's progress output.</summary>
internal static class TestOnnx
{
    public static OnnxEnvironment Environment() =>
        OnnxEnvironment.Create(line => TestContext.Progress.WriteLine(line), OnnxLogSeverity.Error);

    /// <summary>Writes model bytes to a fresh temporary .onnx file and returns its path.</summary>
    public static string WriteModel(byte[] model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-test-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model);
        return path;
    }
}
