using NeuralPost.Onnx;

namespace NeuralPost.Tests;

/// <summary>
/// Base of fixtures that only need to run models: one ONNX Runtime environment per fixture, released after it.
/// ORT keeps a single native environment per process that takes the first creator's log level and logger, so
/// no fixture may hold one beyond its own lifetime, or the logging tests would see another fixture's settings.
/// </summary>
internal abstract class OrtTestFixture
{
    private OrtEnvironment? _ort;

    protected OrtEnvironment Ort => _ort ?? throw new InvalidOperationException("the fixture's environment is not set up");

    [OneTimeSetUp]
    public void CreateOrtEnvironment() => _ort = new OrtEnvironment(OrtLoggingLevel.Error);

    [OneTimeTearDown]
    public void DisposeOrtEnvironment()
    {
        _ort?.Dispose();
        _ort = null;
    }
}
