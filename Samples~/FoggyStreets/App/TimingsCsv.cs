using System.Globalization;
using System.Text;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// The headless run's <c>timings.csv</c>: one row per frame with the configuration and, for every pass of the
/// frame path, CPU and GPU milliseconds. A pass that did not run that frame leaves both cells empty; a pass with
/// no GPU measurement (yet) leaves its GPU cell empty. GPU times of passes timed with delayed queries are the
/// newest the GPU had finished, normally the previous frame's. Each row is written whole and flushed as it is
/// appended, so a killed run keeps a row for every frame it finished and never a cut line. The last two columns
/// are host&lt;-&gt;device bytes: <c>chain_bytes</c> those of the post-process chain (<see cref="PassTimings.ChainTransfers"/>),
/// <c>frame_bytes</c> the whole frame's, the host's PNG readback and overlay text included (<see cref="PassTimings.FrameTransfers"/>).
/// </summary>
public sealed class TimingsCsv : IDisposable
{
    /// <summary>The passes the CSV has columns for, in frame order, by the names they report under.</summary>
    public static readonly IReadOnlyList<string> Passes =
        ["render", "image->tensor", "readback", "inference", "upload", "tensor->image", "resample", "sharpen", "dehaze", "overlay"];

    private readonly WholeLineFile _file;

    /// <summary>Creates <paramref name="path"/> and writes the header.</summary>
    /// <exception cref="IOException">The file cannot be created or written.</exception>
    public TimingsCsv(string path)
    {
        _file = new WholeLineFile(path);
        _file.AppendLine(Header);
    }

    /// <summary>The header line.</summary>
    public static string Header
    {
        get
        {
            var columns = new List<string> { "frame", "time_s", "tier", "render", "output", "dehaze", "split", "status" };
            foreach (var pass in Passes)
            {
                columns.Add($"{ColumnName(pass)}_cpu_ms");
                columns.Add($"{ColumnName(pass)}_gpu_ms");
            }

            columns.Add("frame_cpu_ms");
            columns.Add("chain_bytes");
            columns.Add("frame_bytes");
            return string.Join(',', columns);
        }
    }

    /// <summary>A pass name as a column stem: <c>image->tensor</c> becomes <c>image_to_tensor</c>.</summary>
    public static string ColumnName(string pass) => pass.Replace("->", "_to_", StringComparison.Ordinal);

    /// <summary>Appends the row of the frame <paramref name="app"/> has just rendered.</summary>
    /// <exception cref="IOException">The row cannot be written (the file keeps the rows before it, whole).</exception>
    public void Append(SampleApp app, FrameTime time)
    {
        ArgumentNullException.ThrowIfNull(app);
        var line = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        line.Append(c, $"{time.FrameIndex},{time.TotalSeconds:F4},{OverlayContent.TierName(app.Tier)},{app.RenderResolution},{app.OutputSize},");
        line.Append(app.DehazeEnabled ? "on," : "off,").Append(app.SplitView ? "on," : "off,");
        line.Append(Quote(app.Upscaler.Status));
        foreach (var pass in Passes)
        {
            line.Append(',');
            if (app.Timings.TryGet(pass, out var timing) && timing.Reported)
            {
                line.Append(c, $"{timing.CpuMilliseconds:F3}");
                line.Append(',');
                if (!double.IsNaN(timing.GpuMilliseconds))
                {
                    line.Append(c, $"{timing.GpuMilliseconds:F3}");
                }
            }
            else
            {
                line.Append(',');
            }
        }

        line.Append(c, $",{app.LastFrameMilliseconds:F3}");
        line.Append(c, $",{app.Timings.ChainTransfers.TotalBytes},{app.Timings.FrameTransfers.TotalBytes}");
        _file.AppendLine(line.ToString());
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
