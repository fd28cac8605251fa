namespace NeuralPost.Onnx;

/// <summary>Reads a new session's input/output descriptions and model metadata through the C API.</summary>
internal static unsafe class SessionMetadataReader
{
    /// <summary>Describes every input (<paramref name="outputs"/> false) or output of the session.</summary>
    internal static NodeInfo[] ReadNodes(OrtLibrary library, nint session, bool outputs)
    {
        var api = library.Api;
        nuint count;
        api.Check(outputs ? api.SessionGetOutputCount(session, &count) : api.SessionGetInputCount(session, &count),
            outputs ? "SessionGetOutputCount" : "SessionGetInputCount");
        var nodes = new NodeInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* namePointer;
            api.Check(outputs
                    ? api.SessionGetOutputName(session, i, library.DefaultAllocator, &namePointer)
                    : api.SessionGetInputName(session, i, library.DefaultAllocator, &namePointer),
                outputs ? "SessionGetOutputName" : "SessionGetInputName");
            string name;
            try
            {
                name = Utf8Text.FromNative(namePointer) ?? string.Empty;
            }
            finally
            {
                library.FreeWithDefaultAllocator(namePointer);
            }

            nint typeInfo;
            api.Check(outputs ? api.SessionGetOutputTypeInfo(session, i, &typeInfo) : api.SessionGetInputTypeInfo(session, i, &typeInfo),
                outputs ? "SessionGetOutputTypeInfo" : "SessionGetInputTypeInfo");
            using var owner = new OrtTypeInfoHandle(api, typeInfo);
            nodes[(int)i] = Describe(api, name, typeInfo);
        }

        return nodes;
    }

    /// <summary>Reads producer name and description; both are empty strings when the model sets none.</summary>
    internal static (string Producer, string Description) ReadModelMetadata(OrtLibrary library, nint session)
    {
        var api = library.Api;
        nint metadata;
        api.Check(api.SessionGetModelMetadata(session, &metadata), "SessionGetModelMetadata");
        try
        {
            return (
                TakeString(library, api.ModelMetadataGetProducerName, metadata, "ModelMetadataGetProducerName"),
                TakeString(library, api.ModelMetadataGetDescription, metadata, "ModelMetadataGetDescription"));
        }
        finally
        {
            api.ReleaseModelMetadata(metadata);
        }
    }

    private static string TakeString(OrtLibrary library, delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> getter, nint metadata, string operation)
    {
        byte* text;
        library.Api.Check(getter(metadata, library.DefaultAllocator, &text), operation);
        try
        {
            return Utf8Text.FromNative(text) ?? string.Empty;
        }
        finally
        {
            library.FreeWithDefaultAllocator(text);
        }
    }

    private static NodeInfo Describe(OrtApi api, string name, nint typeInfo)
    {
        // The tensor view belongs to typeInfo and must not be released on its own; it is null for
        // sequences and maps, which NeuralPost only reports by name.
        nint tensorInfo;
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), "CastTypeInfoToTensorInfo");
        if (tensorInfo == 0)
        {
            return new NodeInfo(name, TensorElementType.Undefined, [], []);
        }

        TensorElementType type;
        nuint rank;
        api.Check(api.GetTensorElementType(tensorInfo, &type), "GetTensorElementType");
        api.Check(api.GetDimensionsCount(tensorInfo, &rank), "GetDimensionsCount");
        var shape = new long[(int)rank];
        var symbolic = new string[(int)rank];
        if (rank > 0)
        {
            var symbols = new nint[(int)rank];
            fixed (long* dims = shape)
            fixed (nint* names = symbols)
            {
                api.Check(api.GetDimensions(tensorInfo, dims, rank), "GetDimensions");
                api.Check(api.GetSymbolicDimensions(tensorInfo, (byte**)names, rank), "GetSymbolicDimensions");
            }

            for (var d = 0; d < symbolic.Length; d++)
            {
                symbolic[d] = Utf8Text.FromNative((byte*)symbols[d]) ?? string.Empty;
            }
        }

        return new NodeInfo(name, type, shape, symbolic);
    }
}
