using System.Runtime.CompilerServices;

namespace NeuralPost.Imaging;

/// <summary>
/// The five PNG scanline filters. Filters work on bytes, not samples, with <c>bpp</c> = bytes per complete
/// pixel (at least 1), and the row above of the first row is all zeros.
/// </summary>
internal static class PngFilters
{
    /// <summary>Filter types 0 to 4.</summary>
    public const int None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

    // The hot loops are compiled fully optimised at once: an image is often encoded or decoded a single time,
    // and tiered compilation would run most of its rows through unoptimised code.
    /// <summary>Reverses filter <paramref name="type"/> in place; returns false for an unknown type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryUnfilter(int type, Span<byte> row, ReadOnlySpan<byte> previous, int bpp)
    {
        switch (type)
        {
            case None:
                return true;
            case Sub:
                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }

                return true;
            case Up:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                return true;
            case Average:
                for (int i = 0; i < bpp; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += (byte)((row[i - bpp] + previous[i]) >> 1);
                }

                return true;
            case Paeth:
                for (int i = 0; i < bpp; i++)
                {
                    row[i] += previous[i];
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += Predict(row[i - bpp], previous[i], previous[i - bpp]);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="row"/> filtered with <paramref name="type"/> (0 to 4) into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, Span<byte> output, int bpp)
    {
        int head = Math.Min(bpp, row.Length);
        switch (type)
        {
            case None:
                row.CopyTo(output);
                break;
            case Sub:
                row[..head].CopyTo(output);
                for (int i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - row[i - bpp]);
                }

                break;
            case Up:
                for (int i = 0; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - previous[i]);
                }

                break;
            case Average:
                for (int i = 0; i < head; i++)
                {
                    output[i] = (byte)(row[i] - (previous[i] >> 1));
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - ((row[i - bpp] + previous[i]) >> 1));
                }

                break;
            case Paeth:
                for (int i = 0; i < head; i++)
                {
                    output[i] = (byte)(row[i] - previous[i]);
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - Predict(row[i - bpp], previous[i], previous[i - bpp]));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "filter type must be 0 to 4.");
        }
    }

    /// <summary>
    /// The heuristic cost of a filtered row: sum of |b| with each byte read as signed. Counting stops once the
    /// sum reaches <paramref name="stopAt"/>, since the caller only needs to know the row lost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Cost(ReadOnlySpan<byte> filtered, long stopAt = long.MaxValue)
    {
        long sum = 0;
        const int Block = 256;
        for (int start = 0; start < filtered.Length && sum < stopAt; start += Block)
        {
            int end = Math.Min(start + Block, filtered.Length);
            for (int i = start; i < end; i++)
            {
                sum += Math.Abs((int)(sbyte)filtered[i]);
            }
        }

        return sum;
    }

    /// <summary>The Paeth predictor of the specification: whichever of left, above, upper-left is closest to left + above - upper-left.</summary>
    private static byte Predict(byte left, byte above, byte upperLeft)
    {
        int pa = Math.Abs(above - upperLeft);
        int pb = Math.Abs(left - upperLeft);
        int pc = Math.Abs(left + above - upperLeft - upperLeft);
        if (pa <= pb && pa <= pc)
        {
            return left;
        }

        return pb <= pc ? above : upperLeft;
    }
}
