using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.ImageFiles;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

[NonParallelizable]
internal sealed class WindowedSampleTests
{
    [Test]
    public void SampleWindowRendersSplitAndOverlayIntoItsBackBuffer()
    {
        using var display = XvfbDisplay.StartOrIgnore();
        WindowedRunner runner;
        try
        {
            runner = WindowedRunner.Open(new Size(64, 36), vsync: false);
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 window: {exception.Message}");
            return;
        }

        var shot = Path.Combine(TestPaths.NewTempDirectory(), "window.png");
        using (runner)
        {
            var options = new SampleOptions { OutputSize = new Size(64, 36), Split = true, Overlay = true };
            var run = new WindowedRunOptions { ScreenshotPath = shot, FramesBeforeScreenshot = 2 };
            var frames = runner.Run(options, new SampleEnvironment(null, null, TestContext.Out.WriteLine), run, TestContext.Out);
            Assert.That(frames, Is.EqualTo(2));
        }

        var image = ImageFile.Load(shot);
        Assert.Multiple(() =>
        {
            Assert.That((image.Width, image.Height), Is.EqualTo((64, 36)));
            Assert.That(Pixels.Variance(image), Is.GreaterThan(0), "the back buffer is not blank");
            Assert.That(Pixels.At(image, 32, 2), Is.EqualTo((255, 217, 51)), "the split view's divider reached the window");
        });
    }
}
