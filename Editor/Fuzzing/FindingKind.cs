namespace NeuralPost.Editor.Fuzzing;

/// <summary>Why one fuzzed input is a finding.</summary>
internal enum FindingKind
{
    /// <summary>The decoder threw something other than the documented image-file exceptions.</summary>
    UndocumentedException,

    /// <summary>A documented exception whose message does not start with the file's name.</summary>
    UnnamedError,

    /// <summary>Deciding the input took longer than the time limit.</summary>
    Slow,

    /// <summary>The decode allocated more managed memory than the pixel limit allows.</summary>
    Memory,

    /// <summary>An image came back from data that is none of the documented formats (PNG, JPEG, WebP, BMP, GIF).</summary>
    UndocumentedFormat,

    /// <summary>An accepted image larger than the pixel limit (the header check did not hold).</summary>
    OverLimit,
}
