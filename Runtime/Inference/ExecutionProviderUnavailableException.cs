using NeuralPost.Core;

namespace NeuralPost.Inference;

/// <summary>An execution provider that was required could not be appended: not in this build, or ONNX Runtime refused it.</summary>
public sealed class ExecutionProviderUnavailableException : NeuralPostException
{
    /// <summary>Creates the exception; <paramref name="reason"/> is one line.</summary>
    public ExecutionProviderUnavailableException(string provider, string reason, Exception? innerException = null)
        : base(OneLine.Of($"execution provider {provider} unavailable: {reason}"), innerException!)
    {
        Provider = provider;
        Reason = OneLine.Of(reason);
    }

    /// <summary>The provider as requested.</summary>
    public string Provider { get; }

    /// <summary>Why it was not appended.</summary>
    public string Reason { get; }
}
