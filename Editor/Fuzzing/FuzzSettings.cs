namespace NeuralPost.Editor.Fuzzing;

/// <summary>One fuzzing run's parameters.</summary>
internal sealed record FuzzSettings
{
    /// <summary>How many inputs to decode.</summary>
    public long Executions { get; init; } = 100_000;

    /// <summary>Seeds the random choices, so a run (and each finding) can be reproduced.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The pixel limit decodes run under. Small, so that a header claiming a large image has to be refused from the
    /// header: allocating for it would exceed the per-input memory bound and be a finding.
    /// </summary>
    public long MaxPixels { get; init; } = 1 << 20;

    /// <summary>Slower decodes are findings.</summary>
    public double SlowMilliseconds { get; init; } = 1000;

    /// <summary>Where findings, the slowest input and the input being decoded (for a native crash) go; null writes nothing.</summary>
    public string? OutFolder { get; init; }
}
