using System.Text.Json;
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

    /// <summary>Trainable parameter count.</summary>
    [JsonPropertyName("parameters")] public long? Parameters { get; init; }

    /// <summary>Multiply-adds per output megapixel, in units of 10^9 (G), counted analytically from the layers.</summary>
    [JsonPropertyName("gigaMacsPerOutputMegapixel")] public double? GigaMacsPerOutputMegapixel { get; init; }

    /// <summary>What data and compute produced the weights.</summary>
    [JsonPropertyName("training")] public TrainingCard? Training { get; init; }

    /// <summary>Measured quality per benchmark set name (e.g. <c>Set5</c>), from <c>neuralpost eval</c>.</summary>
    [JsonPropertyName("metrics")] public Dictionary<string, QualityCard>? Metrics { get; init; }

    /// <summary>Fields this reader does not know, kept so that rewriting the manifest loses nothing.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>
    /// An integer field kept in <see cref="Extra"/> (e.g. <c>sizeMultiple</c>, <c>edgePadding</c>), or
    /// <paramref name="absent"/> when the card has none.
    /// </summary>
    /// <exception cref="ModelManifestException">The field is not an integer from <paramref name="min"/> to <paramref name="max"/>.</exception>
    public int ExtraInteger(string field, int absent, int min, int max)
    {
        if (Extra is null || !Extra.TryGetValue(field, out var value))
        {
            return absent;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        var range = max == int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}";
        throw new ModelManifestException($"model '{Id}': \"{field}\" must be {range}, found {value}");
    }
}

/// <summary>Provenance of trained weights.</summary>
public sealed record TrainingCard
{
    /// <summary>Training data, e.g. the photo packages and crop policy.</summary>
    [JsonPropertyName("data")] public string? Data { get; init; }

    /// <summary>Device the run used, e.g. <c>cpu (2-core AMD EPYC)</c>.</summary>
    [JsonPropertyName("device")] public string? Device { get; init; }

    /// <summary>Wall-clock hours of training.</summary>
    [JsonPropertyName("hours")] public double? Hours { get; init; }

    /// <summary>Optimiser iterations.</summary>
    [JsonPropertyName("iterations")] public long? Iterations { get; init; }

    /// <summary>Exact command that trained the weights.</summary>
    [JsonPropertyName("command")] public string? Command { get; init; }
}

/// <summary>
/// Measured quality of a model on one set, with the set's baselines: bicubic for super-resolution (Y channel,
/// border crop = scale, uint8); the hazy input and the dark-channel prior for dehaze (RGB, whole image).
/// </summary>
public sealed record QualityCard
{
    /// <summary>Mean PSNR of the model in dB.</summary>
    [JsonPropertyName("psnr")] public double Psnr { get; init; }

    /// <summary>Mean SSIM of the model.</summary>
    [JsonPropertyName("ssim")] public double Ssim { get; init; }

    /// <summary>Mean PSNR of MATLAB bicubic on the same images (super-resolution).</summary>
    [JsonPropertyName("bicubicPsnr")] public double? BicubicPsnr { get; init; }

    /// <summary>Mean SSIM of MATLAB bicubic on the same images (super-resolution).</summary>
    [JsonPropertyName("bicubicSsim")] public double? BicubicSsim { get; init; }

    /// <summary>
    /// Game set only: the model's mean frame-to-frame change along the camera path minus the HR sequence's, in
    /// levels of 255 over RGB; above zero is flicker the scene did not have, below zero is motion smoothed away.
    /// </summary>
    [JsonPropertyName("temporalExcess")] public double? TemporalExcess { get; init; }

    /// <summary>Game set only: <see cref="TemporalExcess"/> of MATLAB bicubic on the same frames.</summary>
    [JsonPropertyName("bicubicTemporalExcess")] public double? BicubicTemporalExcess { get; init; }

    /// <summary>Mean PSNR of the hazy input against the clear frame (dehaze).</summary>
    [JsonPropertyName("hazyPsnr")] public double? HazyPsnr { get; init; }

    /// <summary>Mean SSIM of the hazy input against the clear frame (dehaze).</summary>
    [JsonPropertyName("hazySsim")] public double? HazySsim { get; init; }

    /// <summary>Mean PSNR of the dark-channel-prior baseline (dehaze).</summary>
    [JsonPropertyName("dcpPsnr")] public double? DcpPsnr { get; init; }

    /// <summary>Mean SSIM of the dark-channel-prior baseline (dehaze).</summary>
    [JsonPropertyName("dcpSsim")] public double? DcpSsim { get; init; }

    /// <summary>
    /// Other networks scored on the same set in the same run, by manifest id (dehaze: the ablations without the
    /// detail branch or without knowledge transfer); their own cards say how they were trained.
    /// </summary>
    [JsonPropertyName("compared")] public Dictionary<string, ComparedQuality>? Compared { get; init; }
}

/// <summary>Mean PSNR/SSIM of a network scored beside a card's model (see <see cref="QualityCard.Compared"/>).</summary>
/// <param name="Psnr">Mean PSNR in dB.</param>
/// <param name="Ssim">Mean SSIM.</param>
public sealed record ComparedQuality(
    [property: JsonPropertyName("psnr")] double Psnr,
    [property: JsonPropertyName("ssim")] double Ssim);

/// <summary>Describes one model input or output in a <see cref="ModelCard"/>.</summary>
public sealed record TensorCard
{
    /// <summary>Tensor name in the ONNX graph.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Memory layout, e.g. <c>NCHW</c>.</summary>
    [JsonPropertyName("layout")] public string? Layout { get; init; }

    /// <summary>Element type, e.g. <c>float32</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Other fields (shape, colour, range), kept as written.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
