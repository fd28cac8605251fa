using NeuralPost.Effects.Upscale;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Tile progress on stderr: a redrawn bar on a terminal, a line per 10% otherwise, so logs stay readable.
/// </summary>
internal sealed class ConsoleProgress(TextWriter writer, string label, bool interactive, string unit = "tiles") : IProgress<TileProgress>
{
    private const int BarWidth = 30;
    private int _lastDecile = -1;

    public void Report(TileProgress value)
    {
        if (value.Total <= 1)
        {
            return;
        }

        var fraction = (double)value.Completed / value.Total;
        if (interactive)
        {
            var filled = (int)(fraction * BarWidth);
            writer.Write($"\r{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Completed}/{value.Total} {unit}");
            if (value.Completed == value.Total)
            {
                writer.WriteLine();
            }

            return;
        }

        var decile = (int)(fraction * 10);
        if (decile != _lastDecile)
        {
            _lastDecile = decile;
            writer.WriteLine($"{label}: {value.Completed}/{value.Total} {unit} ({fraction:P0})");
        }
    }
}
