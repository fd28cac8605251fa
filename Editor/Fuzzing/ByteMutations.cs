namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Format-blind mutations: bit flips, interesting values, inserted, deleted and duplicated ranges, truncation
/// and splicing with another seed.
/// </summary>
internal static class ByteMutations
{
    private const int MaxRange = 64;

    public static byte[] Apply(Random random, byte[] input, byte[] other)
    {
        if (input.Length == 0)
        {
            return [.. other.AsSpan(0, Math.Min(other.Length, 16))];
        }

        return random.Next(8) switch
        {
            0 => FlipBits(random, input),
            1 => SetInteresting(random, input),
            2 => Insert(random, input),
            3 => Delete(random, input),
            4 => Duplicate(random, input),
            5 => input[..random.Next(input.Length)],
            6 => Splice(random, input, other),
            _ => SetRandomBytes(random, input),
        };
    }

    private static byte[] FlipBits(Random random, byte[] input)
    {
        var output = (byte[])input.Clone();
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            output[random.Next(output.Length)] ^= (byte)(1 << random.Next(8));
        }

        return output;
    }

    private static byte[] SetInteresting(Random random, byte[] input)
    {
        var output = (byte[])input.Clone();
        int size = new[] { 1, 2, 4 }[random.Next(3)];
        if (output.Length >= size)
        {
            var field = new HeaderField(random.Next(output.Length - size + 1), size, random.Next(2) == 0);
            field.SetInteresting(random, output);
        }

        return output;
    }

    private static byte[] SetRandomBytes(Random random, byte[] input)
    {
        var output = (byte[])input.Clone();
        int start = random.Next(output.Length);
        random.NextBytes(output.AsSpan(start, Math.Min(output.Length - start, random.Next(1, 9))));
        return output;
    }

    private static byte[] Insert(Random random, byte[] input)
    {
        var inserted = new byte[random.Next(1, MaxRange)];
        if (random.Next(2) == 0)
        {
            random.NextBytes(inserted);
        }
        else
        {
            Array.Fill(inserted, Interesting.Bytes[random.Next(Interesting.Bytes.Length)]);
        }

        int at = random.Next(input.Length + 1);
        return [.. input.AsSpan(0, at), .. inserted, .. input.AsSpan(at)];
    }

    private static byte[] Delete(Random random, byte[] input)
    {
        int start = random.Next(input.Length);
        int count = Math.Min(input.Length - start, random.Next(1, MaxRange));
        return [.. input.AsSpan(0, start), .. input.AsSpan(start + count)];
    }

    private static byte[] Duplicate(Random random, byte[] input)
    {
        int start = random.Next(input.Length);
        int count = Math.Min(input.Length - start, random.Next(1, MaxRange * 4));
        int at = random.Next(input.Length + 1);
        return [.. input.AsSpan(0, at), .. input.AsSpan(start, count), .. input.AsSpan(at)];
    }

    private static byte[] Splice(Random random, byte[] input, byte[] other)
    {
        if (other.Length == 0)
        {
            return input;
        }

        // The head of one file on the tail of another: a valid header over data of another format or size.
        int cut = random.Next(input.Length + 1);
        int from = random.Next(other.Length);
        return [.. input.AsSpan(0, cut), .. other.AsSpan(from)];
    }
}
