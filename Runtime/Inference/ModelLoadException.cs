using NeuralPost.Core;

namespace NeuralPost.Inference;

/// <summary>
/// A model file could not be turned into a session: it is missing, truncated or corrupt, or ONNX Runtime rejected
/// it. The message is one line and names the file, so the user knows which one to replace.
/// </summary>
public sealed class ModelLoadException : NeuralPostException
{
    /// <summary>Creates the exception for <paramref name="modelPath"/>.</summary>
    public ModelLoadException(string modelPath, string reason, Exception innerException)
        : base(OneLine.Of($"cannot load model {modelPath}: {reason}"), innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>The model file that failed to load.</summary>
    public string ModelPath { get; }
}
