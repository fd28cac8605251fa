namespace NeuralPost.Core;

/// <summary>
/// A model manifest or a model file it names is missing, malformed or does not match its card
/// (wrong hash, unknown id).
/// </summary>
public sealed class ModelManifestException : NeuralPostException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public ModelManifestException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public ModelManifestException(string message, Exception innerException) : base(message, innerException) { }
}
