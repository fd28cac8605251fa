using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class RunAllocationTests : OrtTestFixture
{
    [Test]
    public void BoundRunAllocatesNothingInSteadyState()
    {
        var path = TestOnnx.WriteModel(TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L, "h", "w"));
        try
        {
            using var runner = OnnxNetworkRunner.Open(Ort, path);
            var shape = NchwShape.Rgb(4, 5);
            var input = new float[shape.ElementCount];
            var output = new float[shape.ElementCount];
            using var run = runner.Bind(input, shape, output, shape);
            for (var i = 0; i < 20; i++)
            {
                run.Run();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                run.Run();
            }

            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
