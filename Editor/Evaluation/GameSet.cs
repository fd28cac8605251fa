using NeuralPost.Core;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// Builds the game set on first use and reuses it after: its folder holds <c>HR_x&lt;s&gt;</c>/<c>LR_x&lt;s&gt;</c>
/// (what <see cref="BenchmarkPairs"/> opens) and a manifest of its definition, so a redefined set is rebuilt.
/// </summary>
internal static class GameSet
{
    /// <summary>Environment variable naming the cache root (tests); default <c>.cache/game-set</c> in the repository.</summary>
    public const string CacheVariable = "NEURALPOST_GAME_SET";

    private const string ManifestName = "game-set.txt";

    /// <summary>
    /// Renders a definition's pairs into an empty folder (HR_x&lt;s&gt; and LR_x&lt;s&gt;). The host that has the
    /// sample's renderer sets it; the Editor cannot reference the sample.
    /// </summary>
    public static Action<GameSetDefinition, string, Action<string>>? Builder { get; set; }

    /// <summary>The folder of <paramref name="definition"/>'s pairs, built first when missing or stale.</summary>
    /// <exception cref="NeuralPostException">The set must be built and this host has no renderer.</exception>
    public static string Resolve(GameSetDefinition definition, string cacheRoot, Action<string> log)
    {
        var folder = Path.Combine(cacheRoot, $"x{definition.Scale}");
        var manifest = Path.Combine(folder, ManifestName);
        var expected = definition.ManifestText();
        if (File.Exists(manifest) && File.ReadAllText(manifest) == expected)
        {
            return folder;
        }

        if (Builder is not { } build)
        {
            throw new NeuralPostException("the game set is not built and this host cannot render the sample scene to build it; run the neuralpost command line");
        }

        // Built beside the set and moved in whole, so a run that finds the folder never sees half a set and two
        // runs building at once never delete each other's frames: the second to finish keeps the first's set.
        var building = $"{folder}.building-{Guid.NewGuid():N}";
        log($"eval: building the {definition.Describe()} in {folder}");
        try
        {
            build(definition, building, log);
            File.WriteAllText(Path.Combine(building, ManifestName), expected);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(building, folder);
        }
        catch (IOException) when (File.Exists(manifest) && File.ReadAllText(manifest) == expected)
        {
            // Another run moved the same definition in first.
        }
        finally
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }
        }

        return folder;
    }

    /// <summary>The cache root: <see cref="CacheVariable"/>, else <c>.cache/game-set</c> beside the manifest's <c>Models</c> folder.</summary>
    public static string DefaultCacheRoot(string manifestPath) =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(manifestPath)))!, ".cache", "game-set");
}
