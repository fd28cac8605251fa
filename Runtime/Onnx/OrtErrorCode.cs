namespace NeuralPost.Onnx;

/// <summary>Error category of a failed ONNX Runtime call; mirrors the native <c>OrtErrorCode</c> values.</summary>
public enum OrtErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,
    /// <summary>Generic failure.</summary>
    Fail = 1,
    /// <summary>An argument (for example an input shape) was invalid.</summary>
    InvalidArgument = 2,
    /// <summary>A file was not found.</summary>
    NoSuchFile = 3,
    /// <summary>No model was loaded.</summary>
    NoModel = 4,
    /// <summary>Internal engine error.</summary>
    EngineError = 5,
    /// <summary>A runtime exception was raised inside ONNX Runtime.</summary>
    RuntimeException = 6,
    /// <summary>The model bytes are not a valid protobuf.</summary>
    InvalidProtobuf = 7,
    /// <summary>The model was already loaded.</summary>
    ModelLoaded = 8,
    /// <summary>The feature is not implemented by this build.</summary>
    NotImplemented = 9,
    /// <summary>The graph is invalid.</summary>
    InvalidGraph = 10,
    /// <summary>An execution provider failed.</summary>
    EpFail = 11,
    /// <summary>Model loading was canceled.</summary>
    ModelLoadCanceled = 12,
    /// <summary>The model needs EP compilation, which was disabled.</summary>
    ModelRequiresCompilation = 13,
    /// <summary>A requested resource was not found.</summary>
    NotFound = 14,
    /// <summary>The execution provider's device was reset; the session must be recreated.</summary>
    DeviceReset = 15,
}
