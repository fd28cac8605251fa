using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralPost.Core;

/// <summary>
/// The model catalogue, <c>Models/models.json</c>: model cards by id, with their files resolved against the
/// manifest's folder and integrity-checked on request.
/// </summary>
public sealed class ModelManifest
{
    /// <summary>Environment variable that points at a manifest file, overriding the search.</summary>
    public const string PathVariable = "NEURALPOST_MODELS";

    private readonly Dictionary<string, ModelCard> _byId;

    private ModelManifest(string path, IReadOnlyList<ModelCard> models)
    {
        ManifestPath = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? ".";
        Models = models;
        _byId = new Dictionary<string, ModelCard>(StringComparer.Ordinal);
        foreach (var card in models)
        {
            if (!_byId.TryAdd(card.Id, card))
            {
                throw new ModelManifestException($"{path}: model id '{card.Id}' appears twice");
            }
        }
    }

    /// <summary>Absolute path of the manifest file.</summary>
    public string ManifestPath { get; }

    /// <summary>Folder the cards' file paths are relative to.</summary>
    public string Directory { get; }

    /// <summary>All cards in manifest order.</summary>
    public IReadOnlyList<ModelCard> Models { get; }

    /// <summary>Reads and validates a manifest file.</summary>
    /// <exception cref="ModelManifestException">The file is missing, not JSON, or a card lacks a required field.</exception>
    public static ModelManifest Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelManifestException($"model manifest not found: {full}");
        }

        ManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ManifestDocument>(File.ReadAllBytes(full));
        }
        catch (JsonException e)
        {
            throw new ModelManifestException($"{full}: invalid JSON ({OneLine(e.Message)})", e);
        }

        if (document?.Models is null)
        {
            throw new ModelManifestException($"{full}: no \"models\" array");
        }

        return new ModelManifest(full, document.Models);
    }

    /// <summary>
    /// Finds the project's manifest: <see cref="PathVariable"/> if set, else <c>Models/models.json</c> in the
    /// nearest ancestor of the application folder or the current folder.
    /// </summary>
    /// <exception cref="ModelManifestException">No manifest was found.</exception>
    public static ModelManifest LoadDefault()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Load(fromEnvironment);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "Models", "models.json");
                if (File.Exists(candidate))
                {
                    return Load(candidate);
                }
            }
        }

        throw new ModelManifestException(
            $"no Models/models.json found above {AppContext.BaseDirectory}; set {PathVariable} to the manifest path");
    }

    /// <summary>Returns the card with this id.</summary>
    /// <exception cref="ModelManifestException">No card has this id; the message lists the known ids.</exception>
    public ModelCard Get(string id) =>
        _byId.TryGetValue(id, out var card)
            ? card
            : throw new ModelManifestException(
                $"unknown model id '{id}'; known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Returns whether a card with this id exists.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Absolute path of a card's model file.</summary>
    public string ResolveFile(ModelCard card) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, card.File));

    /// <summary>
    /// Resolves a card's file and checks that it exists and that its SHA-256 matches the card, so a stale or
    /// swapped file is caught before it produces wrong pictures.
    /// </summary>
    /// <exception cref="ModelManifestException">The file is missing or its hash differs.</exception>
    public string ResolveVerifiedFile(ModelCard card)
    {
        var path = ResolveFile(card);
        if (!File.Exists(path))
        {
            throw new ModelManifestException($"model '{card.Id}': file not found: {path}");
        }

        var actual = ComputeSha256(path);
        if (!string.Equals(actual, card.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelManifestException(
                $"model '{card.Id}': sha256 of {path} is {actual}, the manifest says {card.Sha256}");
        }

        return path;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Returns a copy of this manifest with one card replaced (matched by id) and writes it to
    /// <see cref="ManifestPath"/>; used by <c>neuralpost eval --write-card</c> so that card figures come from
    /// the command that measured them. The file is replaced atomically, so a crash or a full disk leaves the old
    /// manifest whole.
    /// </summary>
    /// <exception cref="IOException">The manifest cannot be written; the file on disk is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The manifest's folder is not writable.</exception>
    public ModelManifest WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var models = Models.Select(m => m.Id == card.Id ? card : m).ToList();
        if (!_byId.ContainsKey(card.Id))
        {
            models.Add(card);
        }

        var document = new ManifestDocument { SchemaVersion = 1, Models = models };
        var json = JsonSerializer.Serialize(document, WriteOptions);
        AtomicFile.WriteAllBytes(ManifestPath, System.Text.Encoding.UTF8.GetBytes(json + "\n"));
        return new ModelManifest(ManifestPath, models);
    }

    // The manifest is a file people read and diff, never embedded in HTML: keep '+' and quotes as written.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private sealed class ManifestDocument
    {
        [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }

        [JsonPropertyName("models")] public List<ModelCard>? Models { get; init; }
    }
}
