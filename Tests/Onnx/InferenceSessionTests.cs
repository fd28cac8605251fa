using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class InferenceSessionTests
{
    private static readonly string[] s_inputNames = ["x"];
    private static readonly string[] s_outputNames = ["y"];
    private OrtEnvironment _env = null!;

    [SetUp]
    public void CreateEnvironment() => _env = new OrtEnvironment();

    [TearDown]
    public void DisposeEnvironment() => _env.Dispose();

    [Test]
    public void MetadataFromBytesHasNamesTypesAndSymbolicDimensions()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        AssertScaleMetadata(session, TensorElementType.Float);
        Assert.That(session.ProducerName, Is.EqualTo("neuralpost-tests"));
        Assert.That(session.Description, Is.EqualTo("tiny scale model"));
    }

    [Test]
    public void MetadataFromFileMatches()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-tiny-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        try
        {
            using var session = InferenceSession.FromFile(_env, path);
            AssertScaleMetadata(session, TensorElementType.Float);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void RunIntoPreallocatedPinnedOutputGivesExactValues()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        float[] input = [1f, -2f, 3.5f, 0f, 10f, -0.25f];
        var output = new float[6];
        using var x = OrtValue.CreateTensor(input, [2, 3]);
        using var y = OrtValue.CreateTensor(output, [2, 3]);

        session.Run(s_inputNames, [x], s_outputNames, [y]);

        Assert.That(output, Is.EqualTo(new[] { 2f, -4f, 7f, 0f, 20f, -0.5f }));
        Assert.That(y.GetFloatSpan().ToArray(), Is.EqualTo(output));
    }

    [Test]
    public void Float16ModelRunsWithHalfTensors()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(3f, TinyOnnxModel.Float16, 1L, 4L));
        Assert.That(session.Inputs[0].ElementType, Is.EqualTo(TensorElementType.Float16));
        Half[] input = [(Half)1f, (Half)0.5f, (Half)(-2f), (Half)100f];
        var output = new Half[4];
        using var x = OrtValue.CreateTensor(input, [1, 4]);
        using var y = OrtValue.CreateTensor(output, [1, 4]);

        session.Run(s_inputNames, [x], s_outputNames, [y]);

        Assert.That(output, Is.EqualTo(new[] { (Half)3f, (Half)1.5f, (Half)(-6f), (Half)300f }));
        Assert.That(y.ElementType, Is.EqualTo(TensorElementType.Float16));
    }

    [Test]
    public void OrtAllocatedOutputHasShapeAndValues()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(-1f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new[] { 1f, 2f, 3f }, [1, 3]);

        var results = session.Run(s_inputNames, [x], s_outputNames);
        try
        {
            Assert.That(results, Has.Length.EqualTo(1));
            Assert.That(results[0].GetShape(), Is.EqualTo(new long[] { 1, 3 }));
            Assert.That(results[0].ElementType, Is.EqualTo(TensorElementType.Float));
            Assert.That(results[0].GetFloatSpan().ToArray(), Is.EqualTo(new[] { -1f, -2f, -3f }));
        }
        finally
        {
            foreach (var result in results)
            {
                result.Dispose();
            }
        }
    }

    [Test]
    public void AllocatedInputCanBeFilledThroughItsSpan()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.Allocate(TensorElementType.Float, [1, 3]);
        x.GetFloatSpan().Fill(4f);
        var output = new float[3];
        using var y = OrtValue.CreateTensor(output, [1, 3]);

        session.Run(s_inputNames, [x], s_outputNames, [y]);

        Assert.That(output, Is.EqualTo(new[] { 8f, 8f, 8f }));
    }

    [Test]
    public void IoBindingRunsWithBoundAndDeviceAllocatedOutputs()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(5f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new[] { 1f, 2f, 3f }, [1, 3]);
        var output = new float[3];
        using var y = OrtValue.CreateTensor(output, [1, 3]);
        using var binding = session.CreateIoBinding();

        binding.BindInput("x", x);
        binding.BindOutput("y", y);
        binding.SynchronizeBoundInputs();
        session.Run(binding);
        binding.SynchronizeBoundOutputs();
        Assert.That(output, Is.EqualTo(new[] { 5f, 10f, 15f }));

        binding.ClearBoundOutputs();
        binding.BindOutputToCpu("y");
        session.Run(binding);
        var bound = binding.GetBoundOutputValues();
        try
        {
            Assert.That(bound, Has.Length.EqualTo(1));
            Assert.That(bound[0].GetFloatSpan().ToArray(), Is.EqualTo(new[] { 5f, 10f, 15f }));
        }
        finally
        {
            bound[0].Dispose();
        }
    }

    [Test]
    public void WrongInputRankIsAnInvalidArgumentOrtException()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new float[6], [6]);
        var error = Assert.Throws<OrtException>(() => session.Run(s_inputNames, [x], s_outputNames));
        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
        Assert.That(error.Message, Does.StartWith("Run: [InvalidArgument]").And.Not.Contain("\n"));
    }

    [Test]
    public void WrongFixedDimensionIsAnInvalidArgumentOrtException()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new float[8], [2, 4]);
        using var y = OrtValue.CreateTensor(new float[8], [2, 4]);
        var error = Assert.Throws<OrtException>(() => session.Run(s_inputNames, [x], s_outputNames, [y]));
        Assert.That(error!.Code, Is.EqualTo(OrtErrorCode.InvalidArgument));
    }

    [Test]
    public void UnknownInputNameListsTheModelInputs()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new float[3], [1, 3]);
        var error = Assert.Throws<ArgumentException>(() => session.Run(["nope"], [x], s_outputNames));
        Assert.That(error!.Message, Does.Contain("'nope'").And.Contain("x"));
    }

    [Test]
    public void ShapeThatDoesNotMatchTheBufferIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => OrtValue.CreateTensor(new float[5], [2, 3]));
        Assert.That(error!.Message, Does.Contain("6").And.Contain("5"));
    }

    [Test]
    public void RunPlanGivesTheSameResult()
    {
        using var session = InferenceSession.FromBytes(_env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var plan = session.CreateRunPlan(s_inputNames, s_outputNames);
        var output = new float[3];
        using var x = OrtValue.CreateTensor(new[] { 1f, 2f, 3f }, [1, 3]);
        using var y = OrtValue.CreateTensor(output, [1, 3]);

        plan.Run([x], [y]);

        Assert.That(output, Is.EqualTo(new[] { 2f, 4f, 6f }));
    }

    private static void AssertScaleMetadata(InferenceSession session, TensorElementType type)
    {
        Assert.That(session.Inputs, Has.Count.EqualTo(1));
        Assert.That(session.Outputs, Has.Count.EqualTo(1));
        var input = session.Inputs[0];
        Assert.That(input.Name, Is.EqualTo("x"));
        Assert.That(input.ElementType, Is.EqualTo(type));
        Assert.That(input.Shape, Is.EqualTo(new long[] { -1, 3 }));
        Assert.That(input.SymbolicDimensions, Is.EqualTo(new[] { "batch", string.Empty }));
        Assert.That(session.Outputs[0].Name, Is.EqualTo("y"));
        Assert.That(session.Outputs[0].Shape, Is.EqualTo(new long[] { -1, 3 }));
    }
}
