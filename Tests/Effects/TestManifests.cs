using NeuralPost.Core;

namespace NeuralPost.Tests.Effects;

/// <summary>Manifests for the pass tests: the repository's (test models only) and throwaway ones.</summary>
internal static class TestManifests
{
    public static ModelManifest Repository() => ModelManifest.Load(TestPaths.Manifest);

    /// <summary>The id of every trained super-resolution network the repository ships, in the catalogue's order.</summary>
    public static string[] ShippedSuperResolutionIds() =>
        Repository().Models.Where(c => c.Kind == "super-resolution").Select(c => c.Id).ToArray();

    /// <summary>
    /// A manifest whose only trained-looking network is <c>stand-in-x2</c>: the analytic nearest-neighbour x2 model
    /// listed as kind <c>super-resolution</c>, so substitution can be tested with a checkable output whatever
    /// trained models the repository ships.
    /// </summary>
    public static ModelManifest NearestStandIn() =>
        WithModel("stand-in-x2", "super-resolution", 2, File.ReadAllBytes(TestPaths.TestModel("test-nearest-x2")));

    /// <summary>A manifest that lists no models at all.</summary>
    public static ModelManifest Empty()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "models.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "models": [] }""");
        return ModelManifest.Load(path);
    }

    /// <summary>A manifest with one model written next to it, with its real hash; <paramref name="extraJson"/> adds card fields.</summary>
    public static ModelManifest WithModel(string id, string kind, int scale, byte[] onnx, string extraJson = "")
    {
        var directory = TestPaths.NewTempDirectory();
        var file = Path.Combine(directory, id + ".onnx");
        File.WriteAllBytes(file, onnx);
        var path = Path.Combine(directory, "models.json");
        File.WriteAllText(path, $$"""
            { "schemaVersion": 1, "models": [ {
                "id": "{{id}}", "file": "{{id}}.onnx", "sha256": "{{ModelManifest.ComputeSha256(file)}}",
                "kind": "{{kind}}", "scale": {{scale}} {{extraJson}} } ] }
            """);
        return ModelManifest.Load(path);
    }
}
