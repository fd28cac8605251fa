namespace NeuralPost.Tests.Editor;

/// <summary>
/// A copy of the manifest beside a copy of test-nearest-x2, made the process's manifest (NEURALPOST_MODELS) until
/// disposed, so a test can run <c>--write-card</c> without touching Models/models.json.
/// </summary>
internal sealed class ManifestCopy : IDisposable
{
    private const string Variable = "NEURALPOST_MODELS";
    private readonly string? _previous = Environment.GetEnvironmentVariable(Variable);

    public ManifestCopy()
    {
        var models = TestPaths.NewTempDirectory();
        Path = System.IO.Path.Combine(models, "models.json");
        File.Copy(TestPaths.Manifest, Path);
        Directory.CreateDirectory(System.IO.Path.Combine(models, "Testing"));
        File.Copy(TestPaths.TestModel("test-nearest-x2"), System.IO.Path.Combine(models, "Testing", "test-nearest-x2.onnx"));
        Environment.SetEnvironmentVariable(Variable, Path);
    }

    /// <summary>The copied manifest file.</summary>
    public string Path { get; }

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, _previous);
}
