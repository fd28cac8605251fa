using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class ModelLoadErrorTests : OrtTestFixture
{
    [Test]
    public void RandomGarbageIsAOneLineLoadErrorNamingTheFile()
    {
        var garbage = new byte[256];
        new Random(1234).NextBytes(garbage);
        AssertLoadFailure(TestOnnx.WriteModel(garbage));
    }

    [Test]
    public void TruncatedModelIsAOneLineLoadErrorNamingTheFile()
    {
        var model = TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L, "h", "w");
        AssertLoadFailure(TestOnnx.WriteModel(model[..(model.Length / 2)]));
    }

    [Test]
    public void CorruptHeaderIsAOneLineLoadErrorNamingTheFile() => AssertLoadFailure(TestOnnx.WriteModel([0xff, 0xff, 0xff, 0xff, 0x0f]));

    [Test]
    public void MissingFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-missing-{Guid.NewGuid():N}.onnx");
        var error = Assert.Throws<ModelLoadException>(() => OnnxNetworkRunner.Open(Ort, path));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo($"cannot load model {path}: file not found"));
            Assert.That(error.ModelPath, Is.EqualTo(path));
            Assert.That(error.InnerException, Is.TypeOf<FileNotFoundException>());
        });
    }

    private void AssertLoadFailure(string path)
    {
        try
        {
            var error = Assert.Throws<ModelLoadException>(() => OnnxNetworkRunner.Open(Ort, path));
            Assert.Multiple(() =>
            {
                Assert.That(error!.Message, Does.StartWith($"cannot load model {path}: ").And.Not.Contain("\n").And.Not.Contain("\r"));
                Assert.That(error.InnerException, Is.InstanceOf<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>());
                Assert.That(error, Is.InstanceOf<NeuralPost.Core.NeuralPostException>());
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
