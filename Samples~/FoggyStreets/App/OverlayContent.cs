using NeuralPost.Core;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>What the overlay says, composed into a <see cref="TextGrid"/> without allocating.</summary>
internal static class OverlayContent
{
    public const int Columns = 46;
    public const int Rows = 22;

    // Enum.ToString would do, but a table makes the no-allocation promise obvious.
    private static readonly string[] TierNames = ["Native", "Quality", "Balanced", "Performance", "UltraPerformance"];

    public static string TierName(UpscaleTier tier) => TierNames[(int)tier];

    public static void Compose(TextGrid grid, SampleApp app, double framesPerSecond)
    {
        grid.Clear();
        grid.Write("NeuralPost - Foggy Streets").PadTo(Columns - 12).Write(framesPerSecond, 1, 6).Write(" fps");
        grid.NewLine();
        var render = app.RenderResolution;
        var output = app.OutputSize;
        grid.Write(TierName(app.Tier)).Write("  ").Write(render.Width).Write("x").Write(render.Height)
            .Write(" -> ").Write(output.Width).Write("x").Write(output.Height);
        grid.NewLine();
        grid.Write("model ").Write(app.Upscaler.ActiveModelId ?? "none").Write(": ").Write(app.Upscaler.Status);
        grid.NewLine();
        grid.Write("dehaze ").Write(app.DehazeEnabled ? "on: " : "off").Write(app.DehazeEnabled ? app.Dehaze.Status : string.Empty);
        grid.NewLine();
        grid.Write("split ").Write(!app.SplitView ? "off" : app.DehazeEnabled ? "hazy | dehazed" : "bilinear | neural");
        grid.NewLine();
        grid.NewLine();
        grid.Write("pass").PadTo(16).Write("cpu ms").PadTo(26).Write("gpu ms");
        var timings = app.Timings;
        for (var slot = 0; slot < timings.Count; slot++)
        {
            var timing = timings[slot];
            // The overlay is composed before it is drawn, so its own row is the previous frame's, written below.
            if (!timing.Reported || timing.Name == SampleApp.OverlayPassName || !grid.NewLine())
            {
                continue;
            }

            TimingRow(grid, timing.Name, timing.CpuMilliseconds, timing.GpuMilliseconds);
        }

        if (grid.NewLine())
        {
            TimingRow(grid, SampleApp.OverlayPassName, app.LastOverlayCpuMilliseconds, app.LastOverlayGpuMilliseconds);
        }

        if (grid.NewLine())
        {
            TimingRow(grid, "frame", app.LastFrameMilliseconds, double.NaN);
        }

        if (grid.NewLine() && grid.NewLine())
        {
            grid.Write("1-5 tier  H dehaze  Space split  F12 shot");
        }
    }

    private static void TimingRow(TextGrid grid, string name, double cpu, double gpu) =>
        grid.Write(name).PadTo(14).Write(cpu, 2, 8).PadTo(24).Write(gpu, 2, 8);
}
