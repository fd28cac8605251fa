using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Graphics;

/// <summary>The device's host&lt;-&gt;device byte counters: every upload, readback and map adds its exact size.</summary>
internal sealed class GlTransferCounterTests
{
    [Test]
    public void UploadsReadbacksAndMapsAreCountedByTheByte()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        var start = device.Transfers;
        using var buffer = device.CreateStorageBuffer(64);
        using var texture = device.CreateTexture(4, 2, TextureFormat.Rgba8);
        var created = device.Transfers - start;

        buffer.Upload(new byte[40]);
        texture.Upload(new byte[32]);
        using var mesh = device.CreateMesh([0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f, 0f], 3, [0u, 1u, 2u], [new VertexAttribute(0, 3, 0)]);
        var uploads = device.Transfers - start;

        buffer.Download(new byte[24]);
        texture.Download(new byte[32]);
        using var readback = device.CreateReadbackBuffer(128);
        readback.StartRead(buffer, 0, 16);
        readback.Complete(new byte[16]);
        var total = device.Transfers - start;

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(default(TransferCounters)), "creating (zero-filled) resources moves nothing");
            Assert.That(uploads.UploadedBytes, Is.EqualTo(40 + 32 + (9 * 4) + (3 * 4)));
            Assert.That(total.ReadBackBytes, Is.EqualTo(24 + 32 + 16), "a readback counts when it is queued, once");
            Assert.That(total.MappedBytes, Is.EqualTo(128), "the readback buffer's persistent map, once");
            Assert.That(total.TotalBytes, Is.EqualTo(total.UploadedBytes + total.ReadBackBytes + total.MappedBytes));
        });
    }

    [Test]
    public void PassTimingsMeasureTheFrameFromItsStartAndResetTheChainEachFrame()
    {
        var timings = new PassTimings();
        timings.BeginFrame(new TransferCounters(100, 10, 1));
        timings.AddChainTransfers(new TransferCounters(5, 5, 0));
        timings.AddChainTransfers(new TransferCounters(1, 0, 0));
        timings.MarkFrameTransfers(new TransferCounters(150, 20, 1));
        var chain = timings.ChainTransfers;
        var frame = timings.FrameTransfers;
        timings.BeginFrame(new TransferCounters(150, 20, 1));

        Assert.Multiple(() =>
        {
            Assert.That(chain, Is.EqualTo(new TransferCounters(6, 5, 0)));
            Assert.That(frame, Is.EqualTo(new TransferCounters(50, 10, 0)));
            Assert.That(timings.ChainTransfers.TotalBytes, Is.Zero);
            Assert.That(timings.FrameTransfers.TotalBytes, Is.Zero);
        });
    }
}
