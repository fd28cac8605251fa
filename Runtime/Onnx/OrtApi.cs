using System.Runtime.CompilerServices;

namespace NeuralPost.Onnx;

/// <summary>
/// Typed view of the native <c>OrtApi</c> function table. Each entry is read once from the table so a call
/// costs one indirect jump, with no marshalling stubs and no delegates. Opaque ORT objects are <c>nint</c>;
/// returned <c>nint</c> statuses are null on success.
/// </summary>
internal sealed unsafe class OrtApi
{
    // Opaque handles are all nint; the names document which ORT type each one is.
    internal readonly delegate* unmanaged[Cdecl]<OrtErrorCode, byte*, nint> CreateStatus;
    internal readonly delegate* unmanaged[Cdecl]<nint, OrtErrorCode> GetErrorCode;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    internal readonly delegate* unmanaged[Cdecl]<OrtLoggingLevel, byte*, nint*, nint> CreateEnv;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, OrtLoggingLevel, byte*, nint*, nint> CreateEnvWithCustomLogger;
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint> CreateSession;
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    internal readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, ExecutionMode, nint> SetSessionExecutionMode;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint> EnableMemPattern;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint> DisableMemPattern;
    internal readonly delegate* unmanaged[Cdecl]<nint, GraphOptimizationLevel, nint> SetSessionGraphOptimizationLevel;
    internal readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    internal readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, TensorElementType, nint*, nint> CreateTensorAsOrtValue;
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, TensorElementType, nint*, nint> CreateTensorWithDataAsOrtValue;
    internal readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, TensorElementType*, nint> GetTensorElementType;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> GetSymbolicDimensions;
    internal readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    internal readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;
    internal readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetProducerName;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDescription;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;
    internal readonly delegate* unmanaged[Cdecl]<byte***, int*, nint> GetAvailableProviders;
    internal readonly delegate* unmanaged[Cdecl]<byte**, int, nint> ReleaseAvailableProviders;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> RunWithBinding;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CreateIoBinding;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseIoBinding;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindInput;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindOutput;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindOutputToDevice;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, nint**, nuint*, nint> GetBoundOutputValues;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ClearBoundInputs;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ClearBoundOutputs;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint> SynchronizeBoundInputs;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint> SynchronizeBoundOutputs;
    internal readonly delegate* unmanaged[Cdecl]<nint, nint, nint> SessionOptionsAppendExecutionProviderCudaV2;
    internal readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateCudaProviderOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint> UpdateCudaProviderOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseCudaProviderOptions;
    internal readonly delegate* unmanaged[Cdecl]<nint, byte*, byte**, byte**, nuint, nint> SessionOptionsAppendExecutionProvider;
    internal readonly delegate* unmanaged[Cdecl]<byte*> GetBuildInfoString;

    internal OrtApi(void** table)
    {
        CreateStatus = (delegate* unmanaged[Cdecl]<OrtErrorCode, byte*, nint>)table[(int)OrtApiSlot.CreateStatus];
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, OrtErrorCode>)table[(int)OrtApiSlot.GetErrorCode];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)table[(int)OrtApiSlot.GetErrorMessage];
        CreateEnv = (delegate* unmanaged[Cdecl]<OrtLoggingLevel, byte*, nint*, nint>)table[(int)OrtApiSlot.CreateEnv];
        CreateEnvWithCustomLogger = (delegate* unmanaged[Cdecl]<nint, nint, OrtLoggingLevel, byte*, nint*, nint>)table[(int)OrtApiSlot.CreateEnvWithCustomLogger];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)table[(int)OrtApiSlot.CreateSession];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)table[(int)OrtApiSlot.CreateSessionFromArray];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)table[(int)OrtApiSlot.Run];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[(int)OrtApiSlot.CreateSessionOptions];
        SetSessionExecutionMode = (delegate* unmanaged[Cdecl]<nint, ExecutionMode, nint>)table[(int)OrtApiSlot.SetSessionExecutionMode];
        EnableMemPattern = (delegate* unmanaged[Cdecl]<nint, nint>)table[(int)OrtApiSlot.EnableMemPattern];
        DisableMemPattern = (delegate* unmanaged[Cdecl]<nint, nint>)table[(int)OrtApiSlot.DisableMemPattern];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, GraphOptimizationLevel, nint>)table[(int)OrtApiSlot.SetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[(int)OrtApiSlot.SetIntraOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[(int)OrtApiSlot.SessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[(int)OrtApiSlot.SessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[(int)OrtApiSlot.SessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)table[(int)OrtApiSlot.SessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[(int)OrtApiSlot.SessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[(int)OrtApiSlot.SessionGetOutputName];
        CreateTensorAsOrtValue = (delegate* unmanaged[Cdecl]<nint, long*, nuint, TensorElementType, nint*, nint>)table[(int)OrtApiSlot.CreateTensorAsOrtValue];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, TensorElementType, nint*, nint>)table[(int)OrtApiSlot.CreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)table[(int)OrtApiSlot.GetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[(int)OrtApiSlot.CastTypeInfoToTensorInfo];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, TensorElementType*, nint>)table[(int)OrtApiSlot.GetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[(int)OrtApiSlot.GetDimensionsCount];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)table[(int)OrtApiSlot.GetDimensions];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)table[(int)OrtApiSlot.GetSymbolicDimensions];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[(int)OrtApiSlot.GetTensorShapeElementCount];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[(int)OrtApiSlot.GetTensorTypeAndShape];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)table[(int)OrtApiSlot.CreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)table[(int)OrtApiSlot.AllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[(int)OrtApiSlot.GetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseSession];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseSessionOptions];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[(int)OrtApiSlot.SessionGetModelMetadata];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)table[(int)OrtApiSlot.ModelMetadataGetProducerName];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)table[(int)OrtApiSlot.ModelMetadataGetDescription];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseModelMetadata];
        GetAvailableProviders = (delegate* unmanaged[Cdecl]<byte***, int*, nint>)table[(int)OrtApiSlot.GetAvailableProviders];
        ReleaseAvailableProviders = (delegate* unmanaged[Cdecl]<byte**, int, nint>)table[(int)OrtApiSlot.ReleaseAvailableProviders];
        RunWithBinding = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)table[(int)OrtApiSlot.RunWithBinding];
        CreateIoBinding = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[(int)OrtApiSlot.CreateIoBinding];
        ReleaseIoBinding = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseIoBinding];
        BindInput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[(int)OrtApiSlot.BindInput];
        BindOutput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[(int)OrtApiSlot.BindOutput];
        BindOutputToDevice = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)table[(int)OrtApiSlot.BindOutputToDevice];
        GetBoundOutputValues = (delegate* unmanaged[Cdecl]<nint, nint, nint**, nuint*, nint>)table[(int)OrtApiSlot.GetBoundOutputValues];
        ClearBoundInputs = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ClearBoundInputs];
        ClearBoundOutputs = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ClearBoundOutputs];
        SynchronizeBoundInputs = (delegate* unmanaged[Cdecl]<nint, nint>)table[(int)OrtApiSlot.SynchronizeBoundInputs];
        SynchronizeBoundOutputs = (delegate* unmanaged[Cdecl]<nint, nint>)table[(int)OrtApiSlot.SynchronizeBoundOutputs];
        SessionOptionsAppendExecutionProviderCudaV2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)table[(int)OrtApiSlot.SessionOptionsAppendExecutionProviderCudaV2];
        CreateCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[(int)OrtApiSlot.CreateCudaProviderOptions];
        UpdateCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)table[(int)OrtApiSlot.UpdateCudaProviderOptions];
        ReleaseCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[(int)OrtApiSlot.ReleaseCudaProviderOptions];
        SessionOptionsAppendExecutionProvider = (delegate* unmanaged[Cdecl]<nint, byte*, byte**, byte**, nuint, nint>)table[(int)OrtApiSlot.SessionOptionsAppendExecutionProvider];
        GetBuildInfoString = (delegate* unmanaged[Cdecl]<byte*>)table[(int)OrtApiSlot.GetBuildInfoString];
    }

    /// <summary>Throws the error a non-null status carries; the check itself is inlined so success costs one compare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Check(nint status, string operation)
    {
        if (status != 0)
        {
            throw TakeException(status, operation);
        }
    }

    /// <summary>Reads a failed status into an exception and releases the native status.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal OrtException TakeException(nint status, string operation)
    {
        var (code, message) = TakeError(status);
        return new OrtException(operation, code, message);
    }

    /// <summary>Reads code and message from a failed status and releases the native status.</summary>
    internal (OrtErrorCode Code, string Message) TakeError(nint status)
    {
        try
        {
            var code = GetErrorCode(status);
            var message = Utf8Text.FromNative(GetErrorMessage(status)) ?? string.Empty;
            return (code, message);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }
}
