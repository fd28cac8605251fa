using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// A loaded ONNX Runtime native library and its C API function table. Every other ORT object is created
/// through one of these; most callers just use <see cref="Shared"/>.
/// </summary>
public sealed unsafe class OrtLibrary
{
    /// <summary>The C API version requested from the library: the <c>ORT_API_VERSION</c> of the 1.30 header.</summary>
    public const uint ApiVersion = 30;

    private static readonly Lock s_sharedLock = new();
    private static readonly Dictionary<string, OrtLibrary> s_loaded = new(StringComparer.Ordinal);
    private static OrtLibrary? s_shared;

    private readonly OrtApiBase* _apiBase;
    private readonly Lock _lazyLock = new();
    private nint _cpuMemoryInfo;
    private nint _defaultAllocator;

    private OrtLibrary(string path, nint libraryHandle, OrtApiBase* apiBase, void** table)
    {
        Path = path;
        LibraryHandle = libraryHandle;
        _apiBase = apiBase;
        Api = new OrtApi(table);
        Version = Utf8Text.FromNative(apiBase->GetVersionString()) ?? string.Empty;
        BuildInfo = Utf8Text.FromNative(Api.GetBuildInfoString()) ?? string.Empty;
    }

    /// <summary>
    /// The process-wide library found by <see cref="OrtLibraryLocator.Resolve"/>, loaded on first use.
    /// A failed attempt is not cached, so fixing the environment and retrying works.
    /// </summary>
    public static OrtLibrary Shared
    {
        get
        {
            var shared = Volatile.Read(ref s_shared);
            if (shared is not null)
            {
                return shared;
            }

            lock (s_sharedLock)
            {
                s_shared ??= Load(OrtLibraryLocator.Resolve());
                return s_shared;
            }
        }
    }

    /// <summary>What was passed to <see cref="Load"/>: a file path or a bare library name.</summary>
    public string Path { get; }

    /// <summary>The ONNX Runtime release, for example "1.30.0".</summary>
    public string Version { get; }

    /// <summary>ORT's build description (branch, commit, build type).</summary>
    public string BuildInfo { get; }

    /// <summary>The OS handle of the loaded library.</summary>
    internal nint LibraryHandle { get; }

    /// <summary>The C API function table.</summary>
    internal OrtApi Api { get; }

    /// <summary>
    /// Loads the library at <paramref name="path"/> (or a bare name the OS loader resolves). Loading the same
    /// path again returns the same instance.
    /// </summary>
    /// <exception cref="OrtLibraryNotFoundException">The file is missing or is not a loadable ONNX Runtime.</exception>
    /// <exception cref="OrtApiVersionException">The library is older than the C API version this binding needs.</exception>
    public static OrtLibrary Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (s_sharedLock)
        {
            if (s_loaded.TryGetValue(path, out var existing))
            {
                return existing;
            }

            var hasDirectory = path.Contains('/', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal);
            if (hasDirectory && !File.Exists(path))
            {
                throw new OrtLibraryNotFoundException(
                    $"ONNX Runtime library not found at '{path}'; run ./tools/bootstrap.sh or set {OrtLibraryLocator.EnvironmentVariable}.");
            }

            if (!NativeLibrary.TryLoad(path, out var handle))
            {
                throw new OrtLibraryNotFoundException(
                    $"ONNX Runtime library '{path}' could not be loaded (wrong architecture or missing dependencies?); run ./tools/bootstrap.sh or set {OrtLibraryLocator.EnvironmentVariable}.");
            }

            if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out var getApiBase))
            {
                NativeLibrary.Free(handle);
                throw new OrtLibraryNotFoundException($"'{path}' loaded but exports no OrtGetApiBase; it is not an ONNX Runtime library.");
            }

            var apiBase = ((delegate* unmanaged[Cdecl]<OrtApiBase*>)getApiBase)();
            var table = apiBase->GetApi(ApiVersion);
            if (table == null)
            {
                var version = Utf8Text.FromNative(apiBase->GetVersionString()) ?? "unknown";
                NativeLibrary.Free(handle);
                throw new OrtApiVersionException(
                    $"ONNX Runtime {version} at '{path}' does not support C API version {ApiVersion}; NeuralPost needs ONNX Runtime {OrtLibraryLocator.OrtVersion} or newer (run ./tools/bootstrap.sh).");
            }

            var library = new OrtLibrary(path, handle, apiBase, table);
            s_loaded[path] = library;
            return library;
        }
    }

    /// <summary>
    /// Names of the execution providers compiled into this build, for example "CPUExecutionProvider".
    /// Being listed does not guarantee the provider's own shared library and drivers are present.
    /// </summary>
    public IReadOnlyList<string> GetAvailableProviders()
    {
        byte** names = null;
        var count = 0;
        Api.Check(Api.GetAvailableProviders(&names, &count), "GetAvailableProviders");
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = Utf8Text.FromNative(names[i]) ?? string.Empty;
            }

            return result;
        }
        finally
        {
            Api.Check(Api.ReleaseAvailableProviders(names, count), "ReleaseAvailableProviders");
        }
    }

    /// <summary>
    /// Calls <c>OrtApiBase::GetVersionString</c> through its function pointer and returns the raw pointer.
    /// It allocates nothing, which makes it the baseline for measuring the cost of a native call.
    /// </summary>
    public nint GetVersionStringPointer() => (nint)_apiBase->GetVersionString();

    /// <summary>
    /// Creates a status with the given code and message and reads it back. Exists to cross-check that the
    /// function-table indices of CreateStatus/GetErrorCode/GetErrorMessage/ReleaseStatus are right.
    /// </summary>
    internal (OrtErrorCode Code, string Message) RoundTripStatus(OrtErrorCode code, string message)
    {
        using var text = new NativeUtf8(message);
        return Api.TakeError(Api.CreateStatus(code, text.Pointer));
    }

    /// <summary>
    /// A CPU memory description shared by every tensor that wraps .NET memory. Created once and kept for the
    /// life of the process, like the library itself, so tensors need not own one each.
    /// </summary>
    internal nint CpuMemoryInfo
    {
        get
        {
            if (_cpuMemoryInfo != 0)
            {
                return _cpuMemoryInfo;
            }

            lock (_lazyLock)
            {
                if (_cpuMemoryInfo == 0)
                {
                    nint info;
                    Api.Check(Api.CreateCpuMemoryInfo(OrtAllocatorTypeDevice, OrtMemTypeDefault, &info), "CreateCpuMemoryInfo");
                    _cpuMemoryInfo = info;
                }

                return _cpuMemoryInfo;
            }
        }
    }

    /// <summary>ORT's default CPU allocator; owned by ORT and never released.</summary>
    internal nint DefaultAllocator
    {
        get
        {
            if (_defaultAllocator == 0)
            {
                nint allocator;
                Api.Check(Api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
                _defaultAllocator = allocator;
            }

            return _defaultAllocator;
        }
    }

    /// <summary>Frees memory ORT allocated with the default allocator (names, output arrays).</summary>
    internal void FreeWithDefaultAllocator(void* memory)
    {
        if (memory != null)
        {
            Api.Check(Api.AllocatorFree(DefaultAllocator, memory), "AllocatorFree");
        }
    }

    /// <summary>Native <c>OrtDeviceAllocator</c>: the memory is the caller's, not an arena's.</summary>
    internal const int OrtAllocatorTypeDevice = 0;

    /// <summary>Native <c>OrtMemTypeDefault</c>.</summary>
    internal const int OrtMemTypeDefault = 0;

    /// <summary>Layout of the native <c>OrtApiBase</c>: the entry point every ORT build exports.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct OrtApiBase
    {
        public readonly delegate* unmanaged[Cdecl]<uint, void**> GetApi;
        public readonly delegate* unmanaged[Cdecl]<byte*> GetVersionString;
    }
}
