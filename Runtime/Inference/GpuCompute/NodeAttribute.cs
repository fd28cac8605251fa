namespace NeuralPost.Inference.GpuCompute;

/// <summary>One ONNX node attribute, reduced to the kinds the runner reads.</summary>
internal sealed record NodeAttribute(long Int, float Float, string Text, long[] Ints, float[] Floats, HostTensor? Tensor);
