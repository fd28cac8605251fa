using System.Text.Json.Serialization;

namespace NeuralPost.Core;

/// <summary>
/// One entry of <c>Models/models.json</c>: what a model file is, how to feed it and what it was measured to do.
/// Fields a later model kind does not need stay null; unknown JSON fields are ignored so older readers keep working.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Stable id used by the CLI, the components and the manifest, e.g. <c>imdn-x2</c>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Path of the <c>.onnx</c> file relative to the manifest's folder.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file, checked before the model is used.</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }

    /// <summary>What the model does: <c>super-resolution</c>, <c>dehaze</c> or <c>test</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>Human-readable architecture summary.</summary>
    [JsonPropertyName("architecture")] public string? Architecture { get; init; }

    /// <summary>Upscale factor per axis (1 for same-size models such as dehaze).</summary>
    [JsonPropertyName("scale")] public int Scale { get; init; } = 1;

    /// <summary>
    /// Width in input pixels of the region that influences one output pixel; tiling uses it as the default overlap.
    /// </summary>
    [JsonPropertyName("receptiveField")] public int? ReceptiveField { get; init; }

    /// <summary>Input tensor description.</summary>
    [JsonPropertyName("input")] public TensorCard? Input { get; init; }

    /// <summary>Output tensor description.</summary>
    [JsonPropertyName("output")] public TensorCard? Output { get; init; }

    /// <summary>Free text: provenance, caveats.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }
}

/// <summary>Describes one model input or output in a <see cref="ModelCard"/>.</summary>
public sealed record TensorCard
{
    /// <summary>Tensor name in the ONNX graph.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Memory layout, e.g. <c>NCHW</c>.</summary>
    [JsonPropertyName("layout")] public string? Layout { get; init; }

    /// <summary>Element type, e.g. <c>float32</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}
