using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class OrtHandleLifetimeTests
{
    private static readonly string[] s_inputNames = ["x"];
    private static readonly string[] s_outputNames = ["y"];

    [Test]
    public void DisposeClosesEveryHandle()
    {
        var env = new OrtEnvironment();
        var options = new SessionOptions();
        var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L), options);
        var value = OrtValue.CreateTensor(new float[3], [1, 3]);
        var memoryInfo = OrtMemoryInfo.CreateCpu();
        var binding = session.CreateIoBinding();

        binding.Dispose();
        memoryInfo.Dispose();
        value.Dispose();
        session.Dispose();
        options.Dispose();
        env.Dispose();

        SafeHandleAssert.Released(binding.Handle);
        SafeHandleAssert.Released(memoryInfo.Handle);
        SafeHandleAssert.Released(value.Handle);
        SafeHandleAssert.Released(session.Handle);
        SafeHandleAssert.Released(options.Handle);
        SafeHandleAssert.Released(env.Handle);
    }

    [Test]
    public void SessionKeepsItsEnvironmentAliveUntilItIsDisposed()
    {
        var env = new OrtEnvironment();
        using var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L));
        env.Dispose();
        Assert.That(env.Handle.IsClosed, Is.False, "the session's reference must keep the native env");
        using var x = OrtValue.CreateTensor(new[] { 1f, 2f, 3f }, [1, 3]);
        var output = new float[3];
        using var y = OrtValue.CreateTensor(output, [1, 3]);
        session.Run(s_inputNames, [x], s_outputNames, [y]);
        Assert.That(output, Is.EqualTo(new[] { 2f, 4f, 6f }));
        session.Dispose();
        Assert.That(env.Handle.IsClosed, Is.True);
    }

    [Test]
    public void UsingDisposedObjectsThrowsObjectDisposed()
    {
        using var env = new OrtEnvironment();
        var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L));
        using var x = OrtValue.CreateTensor(new float[3], [1, 3]);
        using var y = OrtValue.CreateTensor(new float[3], [1, 3]);
        var disposedValue = OrtValue.CreateTensor(new float[3], [1, 3]);
        disposedValue.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(s_inputNames, [disposedValue], s_outputNames, [y]));
        Assert.Throws<ObjectDisposedException>(() => disposedValue.GetFloatSpan());
        Assert.Throws<ObjectDisposedException>(() => disposedValue.GetShape());

        var plan = session.CreateRunPlan(s_inputNames, s_outputNames);
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(s_inputNames, [x], s_outputNames, [y]));
        Assert.Throws<ObjectDisposedException>(() => plan.Run([x], [y]));
        Assert.Throws<ObjectDisposedException>(() => session.CreateIoBinding());
        plan.Dispose();
        Assert.Throws<ObjectDisposedException>(() => plan.Run([x], [y]));

        var options = new SessionOptions();
        options.Dispose();
        Assert.Throws<ObjectDisposedException>(() => options.IntraOpThreads = 2);
        Assert.Throws<ObjectDisposedException>(() => InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L), options));
    }

    [Test]
    public void CreatingAndDisposingInALoopDoesNotGrowMemory()
    {
        // A missing Release leaks native memory that no GC can see, so the process's resident set is the only
        // reliable witness. One iteration leaks at least a session (tens of KB with its allocator and graph) and
        // two tensors; 200 leaked iterations would add many megabytes. Warm-up first so one-time allocations
        // (thread pools, arenas, JIT) are not counted, and the bound stays generous to absorb allocator noise.
        var model = TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, "batch", 3L);
        using var env = new OrtEnvironment();
        RunIterations(env, model, 50);
        var before = ResidentBytes();

        RunIterations(env, model, 200);

        var growth = ResidentBytes() - before;
        Assert.That(growth, Is.LessThan(24L * 1024 * 1024), $"RSS grew by {growth / 1024} KiB over 200 iterations");
    }

    private static void RunIterations(OrtEnvironment env, byte[] model, int count)
    {
        var input = new float[3 * 64];
        var output = new float[3 * 64];
        for (var i = 0; i < count; i++)
        {
            using var session = InferenceSession.FromBytes(env, model);
            using var x = OrtValue.CreateTensor(input, [64, 3]);
            using var y = OrtValue.CreateTensor(output, [64, 3]);
            session.Run(s_inputNames, [x], s_outputNames, [y]);
            var allocated = session.Run(s_inputNames, [x], s_outputNames);
            allocated[0].Dispose();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long ResidentBytes()
    {
        // /proc/self/statm's second field is resident pages; Environment.WorkingSet reads the same number on Linux.
        if (File.Exists("/proc/self/statm"))
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }

        return Environment.WorkingSet;
    }
}
