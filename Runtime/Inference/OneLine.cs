namespace NeuralPost.Inference;

/// <summary>Error messages shown to users are one line; ONNX Runtime's often span several.</summary>
internal static class OneLine
{
    public static string Of(string text) => text.ReplaceLineEndings(" ").Trim();
}
