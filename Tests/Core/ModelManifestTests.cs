using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

internal sealed class ModelManifestTests
{
    [Test]
    public void EveryCardOfTheShippedManifestResolvesAndMatchesItsHash()
    {
        var manifest = ModelManifest.Load(TestPaths.Manifest);
        Assert.That(manifest.Models, Is.Not.Empty);
        foreach (var card in manifest.Models)
        {
            Assert.That(File.Exists(manifest.ResolveVerifiedFile(card)), card.Id);
        }
    }

    [Test]
    public void UnknownIdListsTheKnownOnes()
    {
        var manifest = ModelManifest.Load(TestPaths.Manifest);
        Assert.That(() => manifest.Get("no-such-model"),
            Throws.InstanceOf<ModelManifestException>().With.Message.Contains("test-nearest-x2"));
    }

    [Test]
    public void HashMismatchAndMissingFileAreCaught()
    {
        var dir = TestPaths.NewTempDirectory();
        File.Copy(TestPaths.TestModel("test-nearest-x2"), Path.Combine(dir, "a.onnx"));
        File.WriteAllText(Path.Combine(dir, "models.json"), """
            { "schemaVersion": 1, "models": [
              { "id": "a", "file": "a.onnx", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "kind": "test" },
              { "id": "b", "file": "missing.onnx", "sha256": "00", "kind": "test" } ] }
            """);
        var manifest = ModelManifest.Load(Path.Combine(dir, "models.json"));
        Assert.Multiple(() =>
        {
            Assert.That(() => manifest.ResolveVerifiedFile(manifest.Get("a")),
                Throws.InstanceOf<ModelManifestException>().With.Message.Contains("sha256"));
            Assert.That(() => manifest.ResolveVerifiedFile(manifest.Get("b")),
                Throws.InstanceOf<ModelManifestException>().With.Message.Contains("not found"));
        });
    }

    [TestCase("{ not json")]
    [TestCase("{ \"schemaVersion\": 1 }")]
    [TestCase("{ \"models\": [ { \"id\": \"x\" } ] }")]
    public void MalformedManifestsGiveATypedError(string text)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "models.json");
        File.WriteAllText(path, text);
        Assert.That(() => ModelManifest.Load(path), Throws.InstanceOf<ModelManifestException>());
    }

    [Test]
    public void DuplicateIdsAreRejected()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "models.json");
        File.WriteAllText(path, """
            { "models": [ { "id": "x", "file": "a", "sha256": "0", "kind": "test" },
                          { "id": "x", "file": "b", "sha256": "0", "kind": "test" } ] }
            """);
        Assert.That(() => ModelManifest.Load(path), Throws.InstanceOf<ModelManifestException>().With.Message.Contains("twice"));
    }
}
