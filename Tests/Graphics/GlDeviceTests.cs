using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlDeviceTests
{
    [Test]
    public void HeadlessDeviceReportsAComputeCapableContext()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        TestContext.Out.WriteLine($"{device.Description} via {device.Platform}");
        Assert.Multiple(() =>
        {
            Assert.That(device.Description, Does.Contain("llvmpipe").Or.Contain(device.VersionText));
            Assert.That(device.Version, Is.GreaterThanOrEqualTo(new Version(4, 3)));
            Assert.That(device.LiveResourceCount, Is.Zero);
        });
    }

    [Test]
    public void RefusedSizesLeaveTheLiveResourceCountUnchanged()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => device.CreateTexture(0, 4, TextureFormat.Rgba8));
            Assert.Throws<ArgumentOutOfRangeException>(() => device.CreateTexture(4, -1, TextureFormat.Rgba8));
            Assert.Throws<ArgumentOutOfRangeException>(() => device.CreateStorageBuffer(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => device.CreateReadbackBuffer(-4));
            Assert.That(device.LiveResourceCount, Is.Zero);
        });
    }

    [Test]
    public void MissingEglLibraryIsReportedAsUnavailable()
    {
        var exception = Assert.Throws<GraphicsUnavailableException>(() => GlDevice.CreateHeadless(eglLibraryName: "libEGL-missing.so"));
        Assert.That(exception!.Message, Does.Contain("libEGL-missing.so"));
    }

    [Test]
    public void TextureRoundTripIsExact()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var texture = device.CreateTexture(7, 5, TextureFormat.Rgba8);
        var pixels = new byte[texture.ByteSize];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 37 + 11);
        }

        texture.Upload(pixels);
        var back = new byte[texture.ByteSize];
        texture.Download(back);
        Assert.That(back, Is.EqualTo(pixels));
    }

    [Test]
    public void DisposeReleasesGlObjects()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        var texture = (GlTexture)device.CreateTexture(4, 4, TextureFormat.Rgba32F);
        var buffer = (GlStorageBuffer)device.CreateStorageBuffer(64);
        var target = device.CreateTextureRenderTarget(8, 8, TextureFormat.Rgba8, withDepth: true);
        var targetTexture = (GlTexture)target.Color;
        var readback = device.CreateReadbackBuffer(256);
        var timer = device.CreateTimer();
        var fence = device.InsertFence();
        Assert.That(device.LiveResourceCount, Is.EqualTo(7), "a render target counts itself and its colour texture");
        Assert.That(IsTexture(device, texture.Id) && IsBuffer(device, buffer.Id), Is.True);

        foreach (var resource in new IDisposable[] { texture, buffer, target, readback, timer, fence })
        {
            resource.Dispose();
            resource.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(device.LiveResourceCount, Is.Zero);
            Assert.That(IsTexture(device, texture.Id), Is.False);
            Assert.That(IsTexture(device, targetTexture.Id), Is.False);
            Assert.That(IsBuffer(device, buffer.Id), Is.False);
        });
    }

    [Test]
    public void DeviceDisposeIsIdempotentAndResourcesOutliveItSafely()
    {
        var device = GlTestDevice.CreateOrIgnore();
        var texture = device.CreateTexture(2, 2, TextureFormat.Rgba8);
        device.Dispose();
        device.Dispose();
        Assert.DoesNotThrow(texture.Dispose);
        Assert.That(device.LiveResourceCount, Is.Zero);
    }

    [Test]
    public void FenceSignalsAndTimerMeasures()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        if (!device.SupportsTimerQueries)
        {
            Assert.Ignore($"GL_TIMESTAMP has no counter bits on {device.Renderer}");
        }

        using var timer = device.CreateTimer();
        using var target = device.CreateTextureRenderTarget(64, 64, TextureFormat.Rgba8, withDepth: true);
        timer.Begin();
        device.SetRenderTarget(target);
        device.Clear(new System.Numerics.Vector4(0.5f, 0.25f, 1f, 1f));
        timer.End();
        using var fence = device.InsertFence();
        Assert.That(fence.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(fence.IsSignaled, Is.True);
        device.Finish();
        Assert.That(timer.TryGetResult(out var milliseconds), Is.True);
        TestContext.Out.WriteLine($"clear took {milliseconds:F3} ms");
        Assert.That(milliseconds, Is.GreaterThanOrEqualTo(0));
    }

    private static bool IsTexture(GlDevice device, uint id) => device.Gl.IsTexture(id);

    private static bool IsBuffer(GlDevice device, uint id) => device.Gl.IsBuffer(id);
}
