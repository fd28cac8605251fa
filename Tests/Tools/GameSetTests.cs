using System.Text.Json.Nodes;
using NeuralPost.Cli.Capture;
using NeuralPost.Core;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Tests.Editor;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Tools;

/// <summary>
/// The game set renders the same bytes every time, is reused while its definition holds and rebuilt when it
/// changes, and <c>eval --set game</c> scores it with the temporal line.
/// </summary>
[NonParallelizable]
internal sealed class GameSetTests
{
    private static readonly Size Tiny = new(32, 18);

    [Test]
    public void SetBuildsTheSameBytesTwice()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        var definition = GameSetDefinition.For(2, frames: 2, size: Tiny);
        var first = Build(definition);
        var second = Build(definition);
        var files = Files(first);
        Assert.That(files, Has.Length.EqualTo(4), "2 HR and 2 LR frames");
        Assert.That(Files(second), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(second, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(first, file))), file);
        }

        Assert.That(File.ReadAllBytes(Path.Combine(first, "HR_x2", "city5-0000.png")),
            Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(first, "HR_x2", "city5-0001.png"))), "the camera moves along the path");
    }

    [Test]
    public void SetIsReusedWhileItsDefinitionHoldsAndRebuiltWhenItChanges()
    {
        var root = TestPaths.NewTempDirectory();
        var builds = 0;
        var previous = GameSet.Builder;
        GameSet.Builder = (_, folder, _) =>
        {
            builds++;
            Directory.CreateDirectory(folder);
        };
        try
        {
            var definition = GameSetDefinition.For(2, frames: 2, size: Tiny);
            GameSet.Resolve(definition, root, _ => { });
            GameSet.Resolve(definition, root, _ => { });
            Assert.That(builds, Is.EqualTo(1), "reused");
            GameSet.Resolve(definition with { Frames = 3 }, root, _ => { });
            Assert.That(builds, Is.EqualTo(2), "a changed definition rebuilds");
        }
        finally
        {
            GameSet.Builder = previous;
        }
    }

    [Test]
    public void DefinitionsThatCannotMakePairsAreRejected() =>
        Assert.Multiple(() =>
        {
            Assert.That(() => GameSetDefinition.For(2, size: new Size(33, 18)), Throws.TypeOf<NeuralPostException>().With.Message.Contains("multiple of the scale"));
            Assert.That(() => GameSetDefinition.For(2, frames: 1), Throws.TypeOf<NeuralPostException>().With.Message.Contains("at least 2 frames"));
            Assert.That(GameSetDefinition.For(2).CitySeed, Is.EqualTo(GameSetDefinition.HeldOutCitySeed));
        });

    [Test]
    public void EvalScoresTheGameSetWithATemporalLine()
    {
        // Building the set renders the scene, so the test needs what the capture tests need.
        GlTestDevice.CreateOrIgnore().Dispose();

        var previous = Environment.GetEnvironmentVariable(GameSet.CacheVariable);
        Environment.SetEnvironmentVariable(GameSet.CacheVariable, TestPaths.NewTempDirectory());
        using var manifest = new ManifestCopy();
        try
        {
            var (code, stdout, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", "game", "--game-frames", "2", "--game-size", "32x18", "--write-card");
            Assert.That(code, Is.Zero, err);
            var lines = CliRunner.Lines(stdout);
            var card = JsonNode.Parse(File.ReadAllText(manifest.Path))!["models"]!.AsArray()
                .Single(model => (string?)model!["id"] == "test-nearest-x2")!["metrics"]?["game"];
            Assert.Multiple(() =>
            {
                Assert.That(lines[0], Does.StartWith("game set: city seed 5"));
                Assert.That(lines.Count(line => line.StartsWith("city5-", StringComparison.Ordinal)), Is.EqualTo(2));
                Assert.That(lines.Single(line => line.StartsWith("temporal", StringComparison.Ordinal)), Does.Contain("levels of 255, RGB"));
                Assert.That(card?["psnr"], Is.Not.Null, "the card's figures are under the game key");
                Assert.That(card?["temporalExcess"], Is.Not.Null);
                Assert.That(card?["bicubicTemporalExcess"], Is.Not.Null);
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(GameSet.CacheVariable, previous);
        }
    }

    [Test]
    public void GameOptionsNeedTheGameSet()
    {
        var (code, _, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", "Set5", "--game-frames", "2");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(err, Does.Contain("--game-frames and --game-size need --set game"));
        });
    }

    private static string Build(GameSetDefinition definition)
    {
        var folder = Path.Combine(TestPaths.NewTempDirectory(), "x2");
        GameSetBuilder.Build(GlTestDevice.CreateOrIgnore, definition, folder, TestContext.Out.WriteLine);
        return folder;
    }

    private static string[] Files(string folder) =>
        Directory.GetFiles(folder, "*.png", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder, path))
            .Order(StringComparer.Ordinal).ToArray();
}
