using NeuralPost.Imaging;

namespace NeuralPost.Tests.Samples.App;

/// <summary>Pixel access and statistics for the sample's frames (top row first).</summary>
internal static class Pixels
{
    public static (int R, int G, int B) At(Rgb8Image image, int x, int y)
    {
        var i = ((y * image.Width) + x) * 3;
        return (image.Data[i], image.Data[i + 1], image.Data[i + 2]);
    }

    public static int MaxDifference(Rgb8Image a, Rgb8Image b, int x, int y)
    {
        var (ar, ag, ab) = At(a, x, y);
        var (br, bg, bb) = At(b, x, y);
        return Math.Max(Math.Abs(ar - br), Math.Max(Math.Abs(ag - bg), Math.Abs(ab - bb)));
    }

    public static double Variance(Rgb8Image image)
    {
        double sum = 0, squares = 0;
        foreach (var value in image.Data)
        {
            sum += value;
            squares += (double)value * value;
        }

        var mean = sum / image.Data.Length;
        return (squares / image.Data.Length) - (mean * mean);
    }
}
