namespace NeuralPost.Onnx;

/// <summary>How much ONNX Runtime rewrites the graph before running it; values match the native enum.</summary>
public enum GraphOptimizationLevel
{
    /// <summary>No graph rewrites.</summary>
    DisableAll = 0,
    /// <summary>Semantics-preserving local rewrites such as constant folding.</summary>
    Basic = 1,
    /// <summary>Adds node fusions.</summary>
    Extended = 2,
    /// <summary>Adds layout optimizations (ORT's default).</summary>
    All = 99,
}
