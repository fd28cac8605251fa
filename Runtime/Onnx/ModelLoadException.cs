namespace NeuralPost.Onnx;

/// <summary>
/// A model could not be turned into a session: the file is missing, or ONNX Runtime rejected the bytes.
/// The message names the model so the user knows which file to fix.
/// </summary>
public sealed class ModelLoadException : OrtException
{
    /// <summary>Creates the exception.</summary>
    public ModelLoadException(string modelSource, string operation, OrtErrorCode code, string message, Exception? innerException = null)
        : base(operation, code, message, $"{Format(operation, code, message)} (model: {modelSource})", innerException)
    {
        ModelSource = modelSource;
    }

    /// <summary>The path of the model, or a description such as "12345 bytes in memory".</summary>
    public string ModelSource { get; }
}
