namespace NeuralPost.Editor.Fuzzing;

/// <summary>What one decode did: accepted or refused (documented error), how long it took and what it allocated.</summary>
/// <param name="Accepted">Whether an image came back.</param>
/// <param name="Error">The exception thrown, if any.</param>
/// <param name="Milliseconds">Wall time of the decode.</param>
/// <param name="AllocatedBytes">Managed bytes the decoding thread allocated.</param>
/// <param name="Finding">Why the input is a finding, or null when it behaved as documented.</param>
internal readonly record struct DecodeOutcome(bool Accepted, Exception? Error, double Milliseconds, long AllocatedBytes, FindingKind? Finding);
