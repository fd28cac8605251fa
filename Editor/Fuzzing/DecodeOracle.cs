using System.Diagnostics;
using NeuralPost.ImageFiles;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Decodes one input through the documented API and judges it: an image or a documented exception naming the
/// file, within the time limit, allocating no more than an image at the pixel limit needs.
/// </summary>
internal sealed class DecodeOracle
{
    /// <summary>The label every fuzzed input is decoded under, so error messages can be checked for it.</summary>
    public const string InputName = "fuzz-input";

    // Decode holds the RGBA buffer (4 bytes a pixel) and the RGB result (3) at once; the rest is small
    // bookkeeping, exception messages and the first call's JIT and type loading.
    private const int BytesPerPixel = 7;
    private const long Slack = 1 << 20;

    private readonly ImageReadOptions _options;
    private readonly long _maxAllocated;
    private readonly double _slowMilliseconds;

    public DecodeOracle(long maxPixels, double slowMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        _options = new ImageReadOptions { MaxPixels = maxPixels };
        _maxAllocated = (maxPixels * BytesPerPixel) + Slack;
        _slowMilliseconds = slowMilliseconds;
    }

    public DecodeOutcome Decode(ReadOnlySpan<byte> input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        Exception? error = null;
        bool overLimit = false;
        bool undocumented = false;
        try
        {
            var image = ImageFile.Decode(input, InputName, _options);
            overLimit = (long)image.Width * image.Height > _options.MaxPixels;
            undocumented = FuzzSeed.FormatOf(input) == FuzzSeed.Other;
        }
        catch (Exception e)
        {
            // Every exception is caught on purpose: an undocumented one is exactly what the fuzzer looks for.
            error = e;
        }

        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return new DecodeOutcome(error is null, error, milliseconds, allocated, Judge(error, overLimit, undocumented, milliseconds, allocated));
    }

    private FindingKind? Judge(Exception? error, bool overLimit, bool undocumented, double milliseconds, long allocated)
    {
        if (undocumented)
        {
            return FindingKind.UndocumentedFormat;
        }

        if (error is not null and not ImageFileException)
        {
            return FindingKind.UndocumentedException;
        }

        if (error is ImageFileException named && (named.FileName != InputName || !named.Message.StartsWith(InputName + ": ", StringComparison.Ordinal)))
        {
            return FindingKind.UnnamedError;
        }

        if (overLimit)
        {
            return FindingKind.OverLimit;
        }

        if (milliseconds > _slowMilliseconds)
        {
            return FindingKind.Slow;
        }

        return allocated > _maxAllocated ? FindingKind.Memory : null;
    }
}
