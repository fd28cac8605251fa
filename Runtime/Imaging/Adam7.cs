namespace NeuralPost.Imaging;

/// <summary>Geometry of the seven Adam7 interlace passes.</summary>
internal static class Adam7
{
    /// <summary>Number of passes.</summary>
    public const int PassCount = 7;

    private static readonly int[] StartX = [0, 4, 0, 2, 0, 1, 0];
    private static readonly int[] StartY = [0, 0, 4, 0, 2, 0, 1];
    private static readonly int[] StepX = [8, 8, 4, 4, 2, 2, 1];
    private static readonly int[] StepY = [8, 8, 8, 4, 4, 2, 2];

    /// <summary>The sub-image a pass covers: its origin and spacing in the full image and its size.</summary>
    public static (int X0, int Y0, int Dx, int Dy, int Width, int Height) Pass(int pass, int width, int height)
    {
        int x0 = StartX[pass], y0 = StartY[pass], dx = StepX[pass], dy = StepY[pass];
        int w = width > x0 ? ((width - x0 + dx - 1) / dx) : 0;
        int h = height > y0 ? ((height - y0 + dy - 1) / dy) : 0;
        return (x0, y0, dx, dy, w, h);
    }
}
