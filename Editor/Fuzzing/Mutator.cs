namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Makes one test input from the seeds: a format-aware edit about half the time (PNG chunks with valid CRCs,
/// header fields of the other formats), then zero to three format-blind ones stacked on top.
/// </summary>
internal sealed class Mutator(IReadOnlyList<FuzzSeed> seeds, Random random)
{
    private readonly FuzzSeed[][] _byFormat = [.. seeds.GroupBy(s => s.Format).Select(g => g.ToArray())];

    public (byte[] Input, FuzzSeed Seed) Next()
    {
        var group = _byFormat[random.Next(_byFormat.Length)];
        var seed = group[random.Next(group.Length)];
        var input = seed.Data;
        bool aware = random.Next(2) == 0;
        if (aware)
        {
            input = AwareEdit(input);
        }

        for (int n = random.Next(aware ? 0 : 1, 4); n > 0; n--)
        {
            input = ByteMutations.Apply(random, input, seeds[random.Next(seeds.Count)].Data);
        }

        return (input, seed);
    }

    private byte[] AwareEdit(byte[] input)
    {
        if (PngChunk.IsPng(input))
        {
            return PngMutations.Apply(random, input) ?? input;
        }

        var fields = HeaderFields.Find(input);
        if (fields.Count == 0)
        {
            return input;
        }

        var output = (byte[])input.Clone();
        fields[random.Next(fields.Count)].SetInteresting(random, output);
        return output;
    }
}
