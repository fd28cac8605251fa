namespace NeuralPost.Editor.Bench.OrtMigration;

/// <summary>One ONNX Runtime binding running one model on one preallocated NCHW float32 input/output pair.</summary>
internal interface IContender : IDisposable
{
    /// <summary>Input tensor, 1x3xHxW; fill it before <see cref="Run"/>.</summary>
    float[] Input { get; }

    /// <summary>Output tensor, 1x3x(sH)x(sW), written by <see cref="Run"/>.</summary>
    float[] Output { get; }

    /// <summary>One inference over the bound buffers.</summary>
    void Run();
}
