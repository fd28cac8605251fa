using System.Numerics;
using NeuralPost.Core;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class CameraTests
{
    [Test]
    public void TheFirstEnabledRequesterDecidesTheRenderResolution()
    {
        using var host = new TestHost();
        var (gameObject, camera) = host.AddCamera();
        camera.DisplaySize = new Size(3840, 2160);
        camera.RenderScale = 0.5f;
        Assert.That(camera.RenderResolution, Is.EqualTo(new Size(1920, 1080)));

        var first = gameObject.AddComponent<FakeUpscaler>();
        first.Settings.Tier = UpscaleTier.Quality;
        var second = gameObject.AddComponent<FakeUpscaler>();
        second.Settings.Tier = UpscaleTier.UltraPerformance;
        Assert.That(camera.RenderResolution, Is.EqualTo(new Size(2560, 1440)));

        first.Enabled = false;
        Assert.That(camera.RenderResolution, Is.EqualTo(new Size(1280, 720)));
    }

    [Test]
    public void ProjectionAspectFollowsTheRenderResolution()
    {
        using var host = new TestHost();
        var (gameObject, camera) = host.AddCamera();
        camera.DisplaySize = new Size(200, 100);
        var upscaler = gameObject.AddComponent<FakeUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.UltraPerformance;

        var projection = camera.ProjectionMatrix;
        var expected = Matrix4x4.CreatePerspectiveFieldOfView(60f * MathF.PI / 180f, 66f / 33f, 0.1f, 1000f);
        Assert.That(projection, Is.EqualTo(expected));
    }

    [Test]
    public void ViewMatrixPutsWhatTheCameraLooksAtOnItsMinusZAxis()
    {
        using var host = new TestHost();
        var (gameObject, camera) = host.AddCamera();
        gameObject.Transform.Position = new Vector3(3, 2, 5);
        gameObject.Transform.LookAt(new Vector3(-1, 0, 1));

        var target = Vector3.Transform(new Vector3(-1, 0, 1), camera.ViewMatrix);
        Assert.Multiple(() =>
        {
            Assert.That(target.X, Is.EqualTo(0f).Within(1e-4f));
            Assert.That(target.Y, Is.EqualTo(0f).Within(1e-4f));
            Assert.That(target.Z, Is.EqualTo(-6f).Within(1e-4f), "distance 6 in front");
        });
    }

    [Test]
    public void InvalidCameraSettingsAreRejected()
    {
        using var host = new TestHost();
        var (_, camera) = host.AddCamera();
        Assert.Multiple(() =>
        {
            Assert.That(() => camera.RenderScale = 0f, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => camera.RenderScale = float.NaN, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => camera.FieldOfView = 180f, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => camera.NearClipPlane = 2000f, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => camera.DisplaySize = new Size(0, 10), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
