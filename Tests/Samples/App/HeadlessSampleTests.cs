using NeuralPost.ImageFiles;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Editor;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

[NonParallelizable]
internal sealed class HeadlessSampleTests
{
    [TestCase("off")]
    [TestCase("on")]
    public void SampleCommandWritesFramesAndATimingsRowPerFrame(string dehaze)
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var (code, output, error) = CliRunner.Run(
            "sample", "--headless", "--frames", "3", "--size", "96x54", "--tier", "Performance", "--dehaze", dehaze, "--out", dir);
        TestContext.Out.WriteLine(output + error);
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("headless (--headless given)"));

        for (var i = 0; i < 3; i++)
        {
            var path = Path.Combine(dir, HeadlessRunner.FrameName(i));
            Assert.That(path, Does.Exist);
            var frame = ImageFile.Load(path);
            Assert.Multiple(() =>
            {
                Assert.That((frame.Width, frame.Height), Is.EqualTo((96, 54)), path);
                Assert.That(Pixels.Variance(frame), Is.GreaterThan(0), $"{path} is not blank");
            });
        }

        var lines = File.ReadAllLines(Path.Combine(dir, "timings.csv"));
        Assert.That(lines, Has.Length.EqualTo(4), "a header and one row per frame");
        var header = lines[0].Split(',');
        foreach (var pass in TimingsCsv.Passes)
        {
            Assert.That(header, Does.Contain($"{TimingsCsv.ColumnName(pass)}_cpu_ms").And.Contain($"{TimingsCsv.ColumnName(pass)}_gpu_ms"));
        }

        Assert.That(header, Does.Contain("frame_cpu_ms"));
        for (var row = 1; row < 4; row++)
        {
            var cells = SplitCsv(lines[row]);
            Assert.Multiple(() =>
            {
                Assert.That(cells, Has.Count.EqualTo(header.Length), $"row {row} has every column");
                Assert.That(cells[0], Is.EqualTo((row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(cells[Array.IndexOf(header, "render")], Is.EqualTo("48x27"));
                Assert.That(cells[Array.IndexOf(header, "output")], Is.EqualTo("96x54"));
                Assert.That(cells[Array.IndexOf(header, "dehaze")], Is.EqualTo(dehaze));
                Assert.That(cells[Array.IndexOf(header, "render_cpu_ms")], Is.Not.Empty, "the scene pass is always timed");
            });
        }
    }

    [Test]
    public void NoWriteRendersTheFramesAndWritesNothing()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = Path.Combine(TestPaths.NewTempDirectory(), "frames");
        var (code, output, error) = CliRunner.Run(
            "sample", "--headless", "--no-write", "--frames", "3", "--size", "96x54", "--dehaze", "on", "--out", dir);
        TestContext.Out.WriteLine(output + error);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output, Does.Contain("rendered 3 frame(s) 96x54; nothing written"));
            Assert.That(dir, Does.Not.Exist, "not even the output folder is made");
        });
    }

    [Test]
    public void NoWriteRefusesAScreenshot()
    {
        var (code, _, error) = CliRunner.Run(
            "sample", "--headless", "--no-write", "--screenshot", Path.Combine(TestPaths.NewTempDirectory(), "shot.png"));
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("--no-write and --screenshot cannot be combined"));
    }

    internal static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
