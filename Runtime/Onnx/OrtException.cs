using NeuralPost.Core;

namespace NeuralPost.Onnx;

/// <summary>
/// A native ONNX Runtime call failed. The message is one line, prefixed with the operation and the error code,
/// for example <c>CreateSession: [InvalidProtobuf] ...</c>.
/// </summary>
public class OrtException : NeuralPostException
{
    /// <summary>Creates the exception for a failed operation.</summary>
    public OrtException(string operation, OrtErrorCode code, string nativeMessage)
        : base(Format(operation, code, nativeMessage))
    {
        Operation = operation;
        Code = code;
        NativeMessage = nativeMessage;
    }

    /// <summary>Creates the exception with a prepared one-line message and, optionally, the error that caused it.</summary>
    protected OrtException(string operation, OrtErrorCode code, string nativeMessage, string message, Exception? innerException)
        : base(message, innerException!)
    {
        Operation = operation;
        Code = code;
        NativeMessage = nativeMessage;
    }

    /// <summary>The C API function that failed.</summary>
    public string Operation { get; }

    /// <summary>The error category ONNX Runtime reported.</summary>
    public OrtErrorCode Code { get; }

    /// <summary>The native message as reported (line breaks kept).</summary>
    public string NativeMessage { get; }

    /// <summary>Builds the one-line message shared by all ORT errors.</summary>
    internal static string Format(string operation, OrtErrorCode code, string nativeMessage) =>
        $"{operation}: [{code}] {Utf8Text.OneLine(nativeMessage)}";
}
