using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class ModelLoadErrorTests
{
    private OrtEnvironment _env = null!;

    [SetUp]
    public void CreateEnvironment() => _env = new OrtEnvironment(OrtLoggingLevel.Fatal);

    [TearDown]
    public void DisposeEnvironment() => _env.Dispose();

    [Test]
    public void RandomGarbageIsAOneLineInvalidProtobufError()
    {
        var garbage = new byte[256];
        new Random(1234).NextBytes(garbage);
        var error = Assert.Throws<ModelLoadException>(() => InferenceSession.FromBytes(_env, garbage));
        AssertLoadFailure(error!);
    }

    [Test]
    public void TruncatedModelIsAOneLineLoadError()
    {
        var model = TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L);
        var error = Assert.Throws<ModelLoadException>(() => InferenceSession.FromBytes(_env, model.AsSpan(0, model.Length / 2)));
        AssertLoadFailure(error!);
    }

    [Test]
    public void MissingFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-missing-{Guid.NewGuid():N}.onnx");
        var error = Assert.Throws<ModelLoadException>(() => InferenceSession.FromFile(_env, path));
        Assert.That(error!.Message, Does.Contain(path));
        Assert.That(error.Code, Is.EqualTo(OrtErrorCode.NoSuchFile));
        Assert.That(error.InnerException, Is.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void CorruptFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-corrupt-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, [0xff, 0xff, 0xff, 0xff, 0x0f]);
        try
        {
            var error = Assert.Throws<ModelLoadException>(() => InferenceSession.FromFile(_env, path));
            Assert.That(error!.Message, Does.Contain(path));
            AssertLoadFailure(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertLoadFailure(ModelLoadException error)
    {
        Assert.That(error, Is.InstanceOf<OrtException>());
        Assert.That(error.Code, Is.EqualTo(OrtErrorCode.InvalidProtobuf).Or.EqualTo(OrtErrorCode.Fail));
        Assert.That(error.Message, Does.StartWith("CreateSession: [").And.Not.Contain("\n").And.Not.Contain("\r"));
    }
}
