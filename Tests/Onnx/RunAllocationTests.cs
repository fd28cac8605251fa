using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class RunAllocationTests
{
    private static readonly string[] s_inputNames = ["x"];
    private static readonly string[] s_outputNames = ["y"];

    [Test]
    public void PreallocatedRunAllocatesNothingInSteadyState()
    {
        using var env = new OrtEnvironment();
        using var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var x = OrtValue.CreateTensor(new float[12], [4, 3]);
        using var y = OrtValue.CreateTensor(new float[12], [4, 3]);
        OrtValue[] inputs = [x];
        OrtValue[] outputs = [y];
        for (var i = 0; i < 20; i++)
        {
            session.Run(s_inputNames, inputs, s_outputNames, outputs);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            session.Run(s_inputNames, inputs, s_outputNames, outputs);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void RunPlanAllocatesNothingInSteadyState()
    {
        using var env = new OrtEnvironment();
        using var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L));
        using var plan = session.CreateRunPlan(s_inputNames, s_outputNames);
        using var x = OrtValue.CreateTensor(new float[12], [4, 3]);
        using var y = OrtValue.CreateTensor(new float[12], [4, 3]);
        OrtValue[] inputs = [x];
        OrtValue[] outputs = [y];
        for (var i = 0; i < 20; i++)
        {
            plan.Run(inputs, outputs);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            plan.Run(inputs, outputs);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void VersionStringCallAllocatesNothing()
    {
        var library = OrtLibrary.Shared;
        library.GetVersionStringPointer();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            library.GetVersionStringPointer();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
