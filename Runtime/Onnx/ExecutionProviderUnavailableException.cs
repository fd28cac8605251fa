using NeuralPost.Core;

namespace NeuralPost.Onnx;

/// <summary>
/// An execution provider was requested that the loaded ONNX Runtime build does not contain.
/// The message lists the providers that are available.
/// </summary>
public sealed class ExecutionProviderUnavailableException : NeuralPostException
{
    /// <summary>Creates the exception.</summary>
    public ExecutionProviderUnavailableException(string provider, IReadOnlyList<string> available)
        : base($"Execution provider '{provider}' is not available in this ONNX Runtime build; available: {string.Join(", ", available)}.")
    {
        Provider = provider;
        Available = available;
    }

    /// <summary>The provider that was asked for.</summary>
    public string Provider { get; }

    /// <summary>The providers the library reports.</summary>
    public IReadOnlyList<string> Available { get; }
}
