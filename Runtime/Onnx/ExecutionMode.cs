namespace NeuralPost.Onnx;

/// <summary>Whether independent graph branches run one after another or concurrently; values match the native enum.</summary>
public enum ExecutionMode
{
    /// <summary>Run nodes one at a time (ORT's default; required for memory patterns).</summary>
    Sequential = 0,
    /// <summary>Run independent branches concurrently.</summary>
    Parallel = 1,
}
