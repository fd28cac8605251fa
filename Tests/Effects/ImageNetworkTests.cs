using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;
using NeuralPost.Inference;

namespace NeuralPost.Tests.Effects;

internal sealed class ImageNetworkTests : OrtTestFixture
{
    [TestCase("test-gray-input", "1x3xHxW")]
    [TestCase("test-uint8-input", "float32")]
    public void RejectsModelsOutsideTheImageContract(string name, string expected)
    {
        Assert.That(() => ImageNetwork.Load(Ort, TestPaths.TestModel(name)),
            Throws.InstanceOf<ModelContractException>().With.Message.Contains(expected));
    }

    [Test]
    public void RejectsAScaleThatDisagreesWithTheCard()
    {
        Assert.That(() => ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"), expectedScale: 4),
            Throws.InstanceOf<ModelContractException>().With.Message.Contains("x2"));
    }

    [Test]
    public void TruncatedModelFileIsAModelLoadError()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "corrupt.onnx");
        var bytes = File.ReadAllBytes(TestPaths.TestModel("test-blur-x2"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.That(() => ImageNetwork.Load(Ort, path), Throws.InstanceOf<ModelLoadException>().With.Message.Contains(path));
    }

    [Test]
    public void BuffersAreCreatedOncePerSizeAndRunsAllocateNothing()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        var buffers = model.GetBuffers(24, 32);
        Assert.That(model.GetBuffers(24, 32), Is.SameAs(buffers));
        Assert.That(model.GetBuffers(32, 24), Is.Not.SameAs(buffers));

        buffers.Input.AsSpan().Fill(0.25f);
        model.Run(buffers);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            model.Run(buffers);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(buffers.Output, Is.All.EqualTo(0.25f));
    }

    [Test]
    public void DisposedModelRefusesWork()
    {
        var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        var buffers = model.GetBuffers(4, 4);
        model.Dispose();
        Assert.That(() => model.Run(buffers), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => model.GetBuffers(4, 4), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void ModelInfoNamesTheSymbolicDimensions()
    {
        var (inputs, _) = OnnxModelInfo.Read(Ort, TestPaths.TestModel("test-nearest-x2"));
        Assert.That(inputs[0].Dimensions.Skip(2), Is.EqualTo(new[] { "height", "width" }));
    }

    [Test]
    public void RunsOnTheCpuProviderAndDeclaresDynamicSpatialDimensions()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        Assert.Multiple(() =>
        {
            Assert.That(model.ExecutionProvider, Is.EqualTo("CPUExecutionProvider"));
            Assert.That(model.Runner.InputShape.ToString(), Is.EqualTo("1x3x?x?").Or.EqualTo("?x3x?x?"));
        });
    }
}
