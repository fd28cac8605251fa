namespace NeuralPost.Onnx;

/// <summary>
/// Positions of the entries NeuralPost calls in the native <c>OrtApi</c> function table.
/// </summary>
/// <remarks>
/// The table is append-only across ONNX Runtime releases, so an index counted once from
/// <c>onnxruntime_c_api.h</c> (ORT_API_VERSION 30, the 1.30 header) stays valid for every later library.
/// Every <c>ORT_API2_STATUS</c>, <c>ORT_API_T</c>, <c>ORT_CLASS_RELEASE</c> and plain function-pointer field
/// occupies one slot. A wrong index calls the wrong function, so the tests cross-check several of them
/// (status round trip, build-info string, available providers) against the loaded library.
/// </remarks>
internal enum OrtApiSlot
{
    CreateStatus = 0,
    GetErrorCode = 1,
    GetErrorMessage = 2,
    CreateEnv = 3,
    CreateEnvWithCustomLogger = 4,
    CreateSession = 7,
    CreateSessionFromArray = 8,
    Run = 9,
    CreateSessionOptions = 10,
    SetSessionExecutionMode = 13,
    EnableMemPattern = 16,
    DisableMemPattern = 17,
    SetSessionGraphOptimizationLevel = 23,
    SetIntraOpNumThreads = 24,
    SessionGetInputCount = 30,
    SessionGetOutputCount = 31,
    SessionGetInputTypeInfo = 33,
    SessionGetOutputTypeInfo = 34,
    SessionGetInputName = 36,
    SessionGetOutputName = 37,
    CreateTensorAsOrtValue = 48,
    CreateTensorWithDataAsOrtValue = 49,
    GetTensorMutableData = 51,
    CastTypeInfoToTensorInfo = 55,
    GetTensorElementType = 60,
    GetDimensionsCount = 61,
    GetDimensions = 62,
    GetSymbolicDimensions = 63,
    GetTensorShapeElementCount = 64,
    GetTensorTypeAndShape = 65,
    CreateCpuMemoryInfo = 69,
    AllocatorFree = 76,
    GetAllocatorWithDefaultOptions = 78,
    ReleaseEnv = 92,
    ReleaseStatus = 93,
    ReleaseMemoryInfo = 94,
    ReleaseSession = 95,
    ReleaseValue = 96,
    ReleaseTypeInfo = 98,
    ReleaseTensorTypeAndShapeInfo = 99,
    ReleaseSessionOptions = 100,
    SessionGetModelMetadata = 111,
    ModelMetadataGetProducerName = 112,
    ModelMetadataGetDescription = 115,
    ReleaseModelMetadata = 118,
    GetAvailableProviders = 125,
    ReleaseAvailableProviders = 126,
    RunWithBinding = 133,
    CreateIoBinding = 134,
    ReleaseIoBinding = 135,
    BindInput = 136,
    BindOutput = 137,
    BindOutputToDevice = 138,
    GetBoundOutputValues = 140,
    ClearBoundInputs = 141,
    ClearBoundOutputs = 142,
    SynchronizeBoundInputs = 202,
    SynchronizeBoundOutputs = 203,
    SessionOptionsAppendExecutionProviderCudaV2 = 204,
    CreateCudaProviderOptions = 205,
    UpdateCudaProviderOptions = 206,
    ReleaseCudaProviderOptions = 208,
    SessionOptionsAppendExecutionProvider = 216,
    GetBuildInfoString = 254,
}
