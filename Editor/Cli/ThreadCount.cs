namespace NeuralPost.Editor.Cli;

/// <summary>
/// The intra-op thread count a command runs with: more threads than processors only add contention, and a huge
/// request made ONNX Runtime create threads until memory ran out, so it is clamped to the processor count.
/// </summary>
internal static class ThreadCount
{
    /// <summary>Returns <paramref name="requested"/> clamped to <see cref="Environment.ProcessorCount"/>, saying so once on <paramref name="error"/> when it clamps.</summary>
    /// <param name="requested">The <c>--threads</c> value, 0 (ONNX Runtime's default) or more.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="processors">Processors available; the machine's count unless a test sets it.</param>
    public static int Clamp(int requested, TextWriter error, int? processors = null)
    {
        var limit = processors ?? Environment.ProcessorCount;
        if (requested <= limit)
        {
            return requested;
        }

        error.WriteLine($"neuralpost: --threads {requested} is more than the {limit} processor(s) here; using {limit}");
        return limit;
    }
}
