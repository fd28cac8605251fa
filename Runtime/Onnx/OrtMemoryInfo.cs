namespace NeuralPost.Onnx;

/// <summary>Describes where tensor memory lives (device and allocator); used to bind outputs to a device.</summary>
public sealed unsafe class OrtMemoryInfo : IDisposable
{
    private OrtMemoryInfo(OrtLibrary library, OrtMemoryInfoHandle handle)
    {
        Library = library;
        Handle = handle;
    }

    /// <summary>The library the description belongs to.</summary>
    public OrtLibrary Library { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtMemoryInfoHandle Handle { get; }

    /// <summary>Describes ordinary CPU memory from ORT's default allocator.</summary>
    public static OrtMemoryInfo CreateCpu(OrtLibrary? library = null)
    {
        library ??= OrtLibrary.Shared;
        var api = library.Api;
        nint info;
        api.Check(api.CreateCpuMemoryInfo(OrtLibrary.OrtAllocatorTypeDevice, OrtLibrary.OrtMemTypeDefault, &info), "CreateCpuMemoryInfo");
        return new OrtMemoryInfo(library, new OrtMemoryInfoHandle(api, info));
    }

    /// <summary>Releases the native description.</summary>
    public void Dispose() => Handle.Dispose();
}
