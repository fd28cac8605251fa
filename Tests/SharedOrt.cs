using NeuralPost.Onnx;

namespace NeuralPost.Tests;

/// <summary>One ONNX Runtime environment for the tests that only need to run models; it lives as long as the process.</summary>
internal static class SharedOrt
{
    private static readonly Lazy<OrtEnvironment> Lazy = new(() => new OrtEnvironment(OrtLoggingLevel.Error));

    public static OrtEnvironment Environment => Lazy.Value;
}
