using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class OnnxNetworkRunnerTests : OrtTestFixture
{
    private readonly List<string> _files = [];

    [TearDown]
    public void DeleteFiles() => _files.ForEach(File.Delete);

    [Test]
    public void BoundRunWritesTheOutputBufferInPlace()
    {
        using var runner = OnnxNetworkRunner.Open(Ort, Write(TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L, "h", "w")));
        var shape = NchwShape.Rgb(2, 3);
        var input = Enumerable.Range(0, 18).Select(i => i * 0.5f).ToArray();
        var output = new float[18];
        using var run = runner.Bind(input, shape, output, shape);
        run.Run();
        input[0] = 100f; // the binding reads the caller's array, not a copy made at bind time
        run.Run();
        Assert.That(output, Is.EqualTo(input.Select(v => v * 2f).ToArray()));
    }

    [TestCase(TinyOnnxModel.Float16, "must be a float32 tensor, found Float16")]
    [TestCase(TinyOnnxModel.Float, "must be NCHW (rank 4), found rank 2")]
    public void ASignatureOtherThanFloat32NchwIsAContractError(int elementType, string expected)
    {
        var dims = elementType == TinyOnnxModel.Float16 ? new object[] { 1L, 3L, "h", "w" } : ["n", 3L];
        var path = Write(TinyOnnxModel.Scale(2f, elementType, dims));
        var error = Assert.Throws<ModelContractException>(() => OnnxNetworkRunner.Open(Ort, path));
        Assert.That(error!.Message, Does.StartWith(path).And.Contain(expected));
    }

    [Test]
    public void ABufferThatDoesNotMatchItsShapeIsRejected()
    {
        using var runner = OnnxNetworkRunner.Open(Ort, TestPaths.TestModel("test-nearest-x2"));
        Assert.That(() => runner.Bind(new float[10], NchwShape.Rgb(2, 2), new float[48], NchwShape.Rgb(4, 4)),
            Throws.ArgumentException.With.Message.Contains("holds 10 floats"));
    }

    [Test]
    public void AShapeTheNetworkRejectsIsAOneLineInferenceError()
    {
        // Channels are fixed at 3 by the model; 2 reaches ONNX Runtime and fails there.
        using var runner = OnnxNetworkRunner.Open(Ort, TestPaths.TestModel("test-nearest-x2"));
        using var run = runner.Bind(new float[2 * 4 * 4], new NchwShape(1, 2, 4, 4), new float[2 * 8 * 8], new NchwShape(1, 2, 8, 8));
        var error = Assert.Throws<InferenceException>(run.Run);
        Assert.That(error!.Message, Does.Contain("inference failed").And.Not.Contain("\n"));
    }

    [Test]
    public void DisposingABindingUnpinsItsBuffersAndEndsIt()
    {
        using var runner = OnnxNetworkRunner.Open(Ort, TestPaths.TestModel("test-nearest-x2"));
        var pinnedBefore = PinnedAfterCollection();
        var run = runner.Bind(new float[3 * 4 * 4], NchwShape.Rgb(4, 4), new float[3 * 8 * 8], NchwShape.Rgb(8, 8));
        var pinnedWhileBound = PinnedAfterCollection();
        run.Dispose();
        var pinnedAfter = PinnedAfterCollection();
        run.Dispose(); // twice is harmless
        Assert.Multiple(() =>
        {
            Assert.That(pinnedWhileBound, Is.GreaterThanOrEqualTo(pinnedBefore + 2), "input and output pinned while bound");
            Assert.That(pinnedAfter, Is.LessThanOrEqualTo(pinnedWhileBound - 2), "both unpinned after Dispose");
            Assert.That(run.Run, Throws.InstanceOf<ObjectDisposedException>());
        });
    }

    [Test]
    public void ADisposedRunnerRefusesNewBindings()
    {
        var runner = OnnxNetworkRunner.Open(Ort, TestPaths.TestModel("test-nearest-x2"));
        runner.Dispose();
        Assert.That(() => runner.Bind(new float[48], NchwShape.Rgb(4, 4), new float[192], NchwShape.Rgb(8, 8)),
            Throws.InstanceOf<ObjectDisposedException>());
    }

    private static long PinnedAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetGCMemoryInfo(GCKind.Any).PinnedObjectsCount;
    }

    private string Write(byte[] model)
    {
        var path = TestOnnx.WriteModel(model);
        _files.Add(path);
        return path;
    }
}
