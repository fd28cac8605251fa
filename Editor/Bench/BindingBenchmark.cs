using System.Globalization;
using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Inference;

namespace NeuralPost.Editor.Bench;

/// <summary>
/// <c>neuralpost bench binding</c>: the cost of our own plumbing, each figure beside a baseline measured in the
/// same run (the official API's plain Run by name; a plain memory copy of the same bytes).
/// </summary>
internal static class BindingBenchmark
{
    private const int FrameWidth = 1920;
    private const int FrameHeight = 1080;
    private const int RunSize = 8;

    public static IReadOnlyList<BenchRow> Run(OnnxEnvironment environment, ModelManifest manifest, TextWriter log)
    {
        var rows = new List<BenchRow>();
        log.WriteLine("measuring Run overhead...");
        var modelPath = manifest.ResolveVerifiedFile(manifest.Get("test-nearest-x2"));
        var (bound, byName) = RunOverhead.Measure(environment, modelPath, RunSize);
        rows.Add(new BenchRow("IBoundRun.Run (test-nearest-x2, 1x3x8x8, IoBinding over pinned arrays)", Micro(bound), "us/call",
            "InferenceSession.Run by name, same preallocated OrtValues", Micro(byName), "us/call", bound / byName));

        log.WriteLine("measuring image <-> tensor conversion...");
        var image = SyntheticFrame(FrameWidth, FrameHeight);
        var tensor = new float[3 * FrameWidth * FrameHeight];
        var roundTrip = new Rgb8Image(FrameWidth, FrameHeight);
        var copyTarget = new float[tensor.Length];
        var megapixels = FrameWidth * FrameHeight / 1e6;
        var copyTensor = Measure.SecondsPerOperation(() => tensor.AsSpan().CopyTo(copyTarget), 1);
        var toTensor = Measure.SecondsPerOperation(() => ImageTensor.ToTensor(image, tensor), 1);
        var fromTensor = Measure.SecondsPerOperation(() => ImageTensor.FromTensor(tensor, roundTrip), 1);
        var copyRate = megapixels / copyTensor;
        rows.Add(new BenchRow("image -> tensor (1920x1080 RGB8 -> NCHW float32)", megapixels / toTensor, "MP/s",
            "memcpy of the float32 tensor (12 B/px)", copyRate, "MP/s", copyRate / (megapixels / toTensor)));
        rows.Add(new BenchRow("tensor -> image (NCHW float32 -> RGB8, clamp+round)", megapixels / fromTensor, "MP/s",
            "memcpy of the float32 tensor (12 B/px)", copyRate, "MP/s", copyRate / (megapixels / fromTensor)));

        log.WriteLine("measuring PNG decode and encode...");
        var rawBytes = image.Data.Length;
        var png = ImageFile.Encode(image);
        var copyBytes = new byte[rawBytes];
        var copyRaw = Measure.SecondsPerOperation(() => image.Data.AsSpan().CopyTo(copyBytes), 1);
        var decode = Measure.SecondsPerOperation(() => ImageFile.Decode(png), 1, batches: 5);
        var encode = Measure.SecondsPerOperation(() => ImageFile.Encode(image), 1, batches: 5);
        var rawRate = rawBytes / 1e6 / copyRaw;
        rows.Add(new BenchRow($"PNG decode through SkiaSharp (1920x1080 RGB8, {png.Length / 1024} KiB file)", rawBytes / 1e6 / decode, "MB/s",
            "memcpy of the pixels", rawRate, "MB/s", rawRate / (rawBytes / 1e6 / decode)));
        rows.Add(new BenchRow("PNG encode through SkiaSharp (all filters, zlib level 6)", rawBytes / 1e6 / encode, "MB/s",
            "memcpy of the pixels", rawRate, "MB/s", rawRate / (rawBytes / 1e6 / encode)));
        return rows;
    }

    public static void Print(IReadOnlyList<BenchRow> rows, TextWriter output)
    {
        output.WriteLine("| measurement | value | baseline (same run) | baseline value | ratio |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Value:G4} {row.Unit} | {row.Baseline} | {row.BaselineValue:G4} {row.BaselineUnit} | {row.Ratio:F1}x |"));
        }
    }

    private static double Micro(double seconds) => seconds * 1e6;

    // A deterministic frame with smooth gradients, edges and mild noise, so PNG filters and zlib see
    // photo-like statistics rather than a flat or random image.
    private static Rgb8Image SyntheticFrame(int width, int height)
    {
        var image = new Rgb8Image(width, height);
        var data = image.Data;
        var noise = new Random(1234);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                var stripe = ((x / 97) + (y / 61)) % 2 == 0 ? 40 : 0;
                data[i] = (byte)Math.Clamp(128 + 100 * Math.Sin(x * 0.013) + stripe + noise.Next(-3, 4), 0, 255);
                data[i + 1] = (byte)Math.Clamp(128 + 100 * Math.Cos(y * 0.017) - stripe + noise.Next(-3, 4), 0, 255);
                data[i + 2] = (byte)Math.Clamp((x + y) * 255.0 / (width + height) + noise.Next(-3, 4), 0, 255);
            }
        }

        return image;
    }
}

/// <summary>One line of a benchmark table: a measurement, its same-run baseline and how many times slower it is.</summary>
internal sealed record BenchRow(string Name, double Value, string Unit, string Baseline, double BaselineValue,
    string BaselineUnit, double Ratio);
