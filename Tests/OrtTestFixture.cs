using NeuralPost.Inference;

namespace NeuralPost.Tests;

/// <summary>
/// Base of fixtures that run models: the process's ONNX Runtime environment, its errors routed to the test's
/// progress output. The environment is a process singleton, so each fixture only re-routes its log.
/// </summary>
internal abstract class OrtTestFixture
{
    private OnnxEnvironment? _ort;

    protected OnnxEnvironment Ort => _ort ?? throw new InvalidOperationException("the fixture's environment is not set up");

    [OneTimeSetUp]
    public void CreateOrtEnvironment() => _ort = TestOnnx.Environment();
}
