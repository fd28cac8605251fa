using NeuralPost.Effects;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Effects.GpuBackend;

/// <summary>The offline tools' bridge: a GPU-compute runner behind the host-array runner interface.</summary>
internal sealed class HostedGpuNetworkRunnerTests
{
    [Test]
    public void RunsAGpuPlanOnHostArraysAndOwnsTheRunner()
    {
        var device = GlTestDevice.CreateOrIgnore();
        var fake = new FakeGpuRunner(device, 2, FakeGpuOutput.Nearest);
        using (var network = ImageNetwork.FromRunner(new HostedGpuNetworkRunner(fake, device, ownsDevice: true), "fake.onnx", expectedScale: 2))
        {
            var buffers = network.GetBuffers(2, 3);
            for (var i = 0; i < buffers.Input.Length; i++)
            {
                buffers.Input[i] = i / 100f;
            }

            network.Run(buffers);

            Assert.Multiple(() =>
            {
                Assert.That(network.Scale, Is.EqualTo(2));
                Assert.That(network.ExecutionProvider, Is.EqualTo("fake GPU compute"));
                // Channel 1, output (y 3, x 5) is input (y 1, x 2): index (1*2 + 1)*3 + 2 = 11.
                Assert.That(buffers.Output[((1 * 4) + 3) * 6 + 5], Is.EqualTo(0.11f));
                Assert.That(fake.RecordCount, Is.EqualTo(1));
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(fake.IsDisposed, Is.True);
            Assert.That(device.IsDisposed, Is.True, "the device it owns goes with it");
        });
    }
}
