using NeuralPost.Graphics.OpenGL;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// Base of GPU-compute fixtures: one headless device for the fixture (every test is ignored, with the reason, where
/// no OpenGL 4.3 context exists) and ONNX Runtime for reference outputs.
/// </summary>
[NonParallelizable]
internal abstract class GpuComputeFixture : OrtTestFixture
{
    private GlDevice? _device;

    protected GlDevice Device => _device ?? throw new InvalidOperationException("the fixture's device is not set up");

    [OneTimeSetUp]
    public void CreateDevice() => _device = GpuComputeRig.Device();

    [OneTimeTearDown]
    public void DisposeDevice() => _device?.Dispose();
}
