namespace NeuralPost.Onnx;

/// <summary>Settings a session is created with: threading, graph optimization, execution providers.</summary>
public sealed unsafe class SessionOptions : IDisposable
{
    private readonly OrtSessionOptionsHandle _handle;
    private readonly List<string> _appended = [];
    private int _intraOpThreads;
    private GraphOptimizationLevel _optimizationLevel = GraphOptimizationLevel.All;
    private ExecutionMode _executionMode = ExecutionMode.Sequential;

    /// <summary>Creates options with ORT's defaults.</summary>
    /// <param name="library">The library to use; <see cref="OrtLibrary.Shared"/> when null.</param>
    public SessionOptions(OrtLibrary? library = null)
    {
        Library = library ?? OrtLibrary.Shared;
        nint options;
        Library.Api.Check(Library.Api.CreateSessionOptions(&options), "CreateSessionOptions");
        _handle = new OrtSessionOptionsHandle(Library.Api, options);
    }

    /// <summary>The library the options belong to.</summary>
    public OrtLibrary Library { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtSessionOptionsHandle Handle => _handle;

    /// <summary>Threads used inside one operator; 0 lets ORT choose.</summary>
    public int IntraOpThreads
    {
        get => _intraOpThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            using var use = new HandleUse(_handle);
            Library.Api.Check(Library.Api.SetIntraOpNumThreads(use.Pointer, value), "SetIntraOpNumThreads");
            _intraOpThreads = value;
        }
    }

    /// <summary>How much ORT optimizes the graph.</summary>
    public GraphOptimizationLevel GraphOptimizationLevel
    {
        get => _optimizationLevel;
        set
        {
            using var use = new HandleUse(_handle);
            Library.Api.Check(Library.Api.SetSessionGraphOptimizationLevel(use.Pointer, value), "SetSessionGraphOptimizationLevel");
            _optimizationLevel = value;
        }
    }

    /// <summary>Whether independent branches run concurrently.</summary>
    public ExecutionMode ExecutionMode
    {
        get => _executionMode;
        set
        {
            using var use = new HandleUse(_handle);
            Library.Api.Check(Library.Api.SetSessionExecutionMode(use.Pointer, value), "SetSessionExecutionMode");
            _executionMode = value;
        }
    }

    /// <summary>Execution providers appended so far, in order (canonical names). CPU is always the implicit fallback.</summary>
    public IReadOnlyList<string> AppendedProviders => _appended;

    /// <summary>
    /// Turns ORT's memory-pattern planning on or off. It pays off when input shapes repeat run after run.
    /// </summary>
    public void EnableMemoryPattern(bool enable)
    {
        using var use = new HandleUse(_handle);
        var api = Library.Api;
        if (enable)
        {
            api.Check(api.EnableMemPattern(use.Pointer), "EnableMemPattern");
        }
        else
        {
            api.Check(api.DisableMemPattern(use.Pointer), "DisableMemPattern");
        }
    }

    /// <summary>
    /// Appends an execution provider by name ("CUDA", "CUDAExecutionProvider", "DML", "XNNPACK", ...).
    /// CPU needs no append and is accepted as a no-op.
    /// </summary>
    /// <remarks>An <see cref="OrtEnvironment"/> must be alive: ORT's providers log through the logger it registers.</remarks>
    /// <exception cref="ExecutionProviderUnavailableException">The provider is not in this ONNX Runtime build.</exception>
    /// <exception cref="OrtException">ORT refused the provider or its options (for example its shared library is missing).</exception>
    /// <exception cref="InvalidOperationException">No <see cref="OrtEnvironment"/> exists yet.</exception>
    public void AppendExecutionProvider(string name, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var fullName = ExecutionProviderNames.ToFullName(name);
        if (fullName == ExecutionProviderNames.Cpu)
        {
            return;
        }

        var available = Library.GetAvailableProviders();
        if (!available.Contains(fullName, StringComparer.Ordinal))
        {
            throw new ExecutionProviderUnavailableException(name, available);
        }

        if (!OrtLogBridge.AnyEnvironmentAlive)
        {
            // Without this check ORT fails with "Attempt to use DefaultLogger but none has been registered".
            throw new InvalidOperationException("Create an OrtEnvironment before appending execution providers; ORT's providers log through the logger an environment registers.");
        }

        var pairs = options ?? new Dictionary<string, string>();
        using var keys = new NativeUtf8Array(pairs.Keys);
        using var values = new NativeUtf8Array(pairs.Values);
        if (fullName == ExecutionProviderNames.Cuda)
        {
            AppendCuda(keys, values);
        }
        else
        {
            using var use = new HandleUse(_handle);
            using var shortName = new NativeUtf8(ExecutionProviderNames.ToShortName(fullName));
            Library.Api.Check(
                Library.Api.SessionOptionsAppendExecutionProvider(use.Pointer, shortName.Pointer, keys.Pointers, values.Pointers, (nuint)keys.Count),
                "SessionOptionsAppendExecutionProvider");
        }

        _appended.Add(fullName);
    }

    /// <summary>
    /// Appends each provider of a preference list that this build has and that ORT accepts, in order, and
    /// reports the rest instead of throwing, so a GPU-first list degrades to CPU on machines without the GPU.
    /// </summary>
    public ExecutionProviderSelection AppendExecutionProviders(IEnumerable<string> preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        var appended = new List<string>();
        var skipped = new List<SkippedExecutionProvider>();
        foreach (var name in preference)
        {
            var fullName = ExecutionProviderNames.ToFullName(name);
            if (fullName == ExecutionProviderNames.Cpu)
            {
                appended.Add(fullName);
                continue;
            }

            if (_appended.Contains(fullName, StringComparer.Ordinal))
            {
                skipped.Add(new SkippedExecutionProvider(name, "already appended"));
                continue;
            }

            try
            {
                AppendExecutionProvider(name);
                appended.Add(fullName);
            }
            catch (ExecutionProviderUnavailableException)
            {
                skipped.Add(new SkippedExecutionProvider(name, "not in this ONNX Runtime build"));
            }
            catch (OrtException error)
            {
                skipped.Add(new SkippedExecutionProvider(name, error.Message));
            }
        }

        return new ExecutionProviderSelection(appended, skipped);
    }

    /// <summary>Releases the native options; sessions already created keep working.</summary>
    public void Dispose() => _handle.Dispose();

    private void AppendCuda(NativeUtf8Array keys, NativeUtf8Array values)
    {
        var api = Library.Api;
        nint cuda;
        api.Check(api.CreateCudaProviderOptions(&cuda), "CreateCUDAProviderOptions");
        try
        {
            if (keys.Count > 0)
            {
                api.Check(api.UpdateCudaProviderOptions(cuda, keys.Pointers, values.Pointers, (nuint)keys.Count), "UpdateCUDAProviderOptions");
            }

            using var use = new HandleUse(_handle);
            api.Check(api.SessionOptionsAppendExecutionProviderCudaV2(use.Pointer, cuda), "SessionOptionsAppendExecutionProvider_CUDA_V2");
        }
        finally
        {
            api.ReleaseCudaProviderOptions(cuda);
        }
    }
}
