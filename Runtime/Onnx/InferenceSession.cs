using System.Runtime.InteropServices;
using System.Text;

namespace NeuralPost.Onnx;

/// <summary>
/// A loaded model ready to run. Running is thread-safe; the I/O names are marshalled to native memory once,
/// so a steady-state <see cref="Run(ReadOnlySpan{string}, ReadOnlySpan{OrtValue}, ReadOnlySpan{string}, ReadOnlySpan{OrtValue})"/>
/// into preallocated outputs allocates nothing.
/// </summary>
public sealed unsafe partial class InferenceSession : IDisposable
{
    /// <summary>Most inputs plus outputs one run may pass; their pointer arrays live on the stack.</summary>
    internal const int MaxValuesPerRun = 1024;

    private readonly OrtSessionHandle _handle;
    private readonly Dictionary<string, nint> _inputNamePointers;
    private readonly Dictionary<string, nint> _outputNamePointers;

    private InferenceSession(OrtLibrary library, OrtSessionHandle handle)
    {
        Library = library;
        _handle = handle;
        var session = handle.DangerousGetHandle();
        Inputs = SessionMetadataReader.ReadNodes(library, session, outputs: false);
        Outputs = SessionMetadataReader.ReadNodes(library, session, outputs: true);
        (ProducerName, Description) = SessionMetadataReader.ReadModelMetadata(library, session);
        (_inputNamePointers, _outputNamePointers) = MarshalNames(handle, Inputs, Outputs);
    }

    /// <summary>The library the session belongs to.</summary>
    public OrtLibrary Library { get; }

    /// <summary>The model's inputs in declaration order.</summary>
    public IReadOnlyList<NodeInfo> Inputs { get; }

    /// <summary>The model's outputs in declaration order.</summary>
    public IReadOnlyList<NodeInfo> Outputs { get; }

    /// <summary>The tool that produced the model, from its metadata; empty when unset.</summary>
    public string ProducerName { get; }

    /// <summary>The model's description (doc string); empty when unset.</summary>
    public string Description { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtSessionHandle Handle => _handle;

    /// <summary>Loads a model file.</summary>
    /// <exception cref="ModelLoadException">The file is missing or ORT rejected it; the message names the path.</exception>
    public static InferenceSession FromFile(OrtEnvironment env, string path, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "CreateSession", OrtErrorCode.NoSuchFile, "model file not found",
                new FileNotFoundException("Model file not found.", path));
        }

        return Create(env, options, path, (api, envPointer, optionsPointer, session) =>
        {
            // ORTCHAR_T is wchar_t (UTF-16) on Windows and UTF-8 char elsewhere.
            if (OperatingSystem.IsWindows())
            {
                fixed (char* widePath = path)
                {
                    return api.CreateSession(envPointer, widePath, optionsPointer, session);
                }
            }

            using var utf8Path = new NativeUtf8(path);
            return api.CreateSession(envPointer, utf8Path.Pointer, optionsPointer, session);
        });
    }

    /// <summary>Loads a model from its serialized bytes (ORT copies what it needs).</summary>
    /// <exception cref="ModelLoadException">ORT rejected the bytes.</exception>
    public static InferenceSession FromBytes(OrtEnvironment env, ReadOnlySpan<byte> model, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        fixed (byte* data = model)
        {
            var pointer = data;
            var length = (nuint)model.Length;
            return Create(env, options, $"{model.Length} bytes in memory",
                (api, envPointer, optionsPointer, session) => api.CreateSessionFromArray(envPointer, pointer, length, optionsPointer, session));
        }
    }

    /// <summary>
    /// Runs the model into preallocated outputs: ORT writes the results into <paramref name="outputs"/>, whose
    /// shapes must match what the model produces. Allocates nothing on the managed heap.
    /// </summary>
    /// <exception cref="OrtException">ORT rejected the inputs (for example <see cref="OrtErrorCode.InvalidArgument"/> for a wrong shape).</exception>
    public void Run(ReadOnlySpan<string> inputNames, ReadOnlySpan<OrtValue> inputs, ReadOnlySpan<string> outputNames, ReadOnlySpan<OrtValue> outputs)
    {
        CheckCounts(inputNames.Length, inputs.Length, outputNames.Length, outputs.Length);
        var names = stackalloc nint[inputNames.Length + outputNames.Length];
        LookUpNames(inputNames, _inputNamePointers, names, "input");
        LookUpNames(outputNames, _outputNamePointers, names + inputNames.Length, "output");
        RunCore(names, inputs, names + inputNames.Length, outputs, outputNames.Length, null);
    }

    /// <summary>Runs the model and lets ORT allocate the outputs; the caller disposes the returned values.</summary>
    public OrtValue[] Run(ReadOnlySpan<string> inputNames, ReadOnlySpan<OrtValue> inputs, ReadOnlySpan<string> outputNames)
    {
        CheckCounts(inputNames.Length, inputs.Length, outputNames.Length, outputNames.Length);
        var names = stackalloc nint[inputNames.Length + outputNames.Length];
        LookUpNames(inputNames, _inputNamePointers, names, "input");
        LookUpNames(outputNames, _outputNamePointers, names + inputNames.Length, "output");
        var produced = stackalloc nint[outputNames.Length];
        RunCore(names, inputs, names + inputNames.Length, [], outputNames.Length, produced);
        var results = new OrtValue[outputNames.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = OrtValue.FromOwned(Library, produced[i]);
        }

        return results;
    }

    /// <summary>Runs the model with the inputs and outputs bound in <paramref name="binding"/>.</summary>
    public void Run(IoBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        using var session = new HandleUse(_handle);
        using var bound = new HandleUse(binding.Handle);
        Library.Api.Check(Library.Api.RunWithBinding(session.Pointer, 0, bound.Pointer), "RunWithBinding");
    }

    /// <summary>
    /// Resolves input and output names once, for callers that run the same I/O layout many times.
    /// </summary>
    public RunPlan CreateRunPlan(ReadOnlySpan<string> inputNames, ReadOnlySpan<string> outputNames)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        CheckCounts(inputNames.Length, inputNames.Length, outputNames.Length, outputNames.Length);
        var names = (nint*)NativeMemory.Alloc((nuint)Math.Max(1, inputNames.Length + outputNames.Length), (nuint)sizeof(nint));
        try
        {
            LookUpNames(inputNames, _inputNamePointers, names, "input");
            LookUpNames(outputNames, _outputNamePointers, names + inputNames.Length, "output");
        }
        catch
        {
            NativeMemory.Free(names);
            throw;
        }

        return new RunPlan(this, names, inputNames.ToArray(), outputNames.ToArray());
    }

    /// <summary>Creates an I/O binding for this session.</summary>
    public IoBinding CreateIoBinding() => new(this);

    /// <summary>Releases the session once no run is in flight.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// The shared run path. Holds references on the session and every value for the length of the native call,
    /// so a concurrent Dispose cannot free them mid-run. <paramref name="produced"/> non-null means ORT allocates
    /// the outputs and writes them there; otherwise <paramref name="outputs"/> are filled in place.
    /// </summary>
    internal void RunCore(nint* inputNames, ReadOnlySpan<OrtValue> inputs, nint* outputNames, ReadOnlySpan<OrtValue> outputs, int outputCount, nint* produced)
    {
        var inputCount = inputs.Length;
        var values = stackalloc nint[inputCount + outputCount];
        var referenced = 0;
        using var session = new HandleUse(_handle);
        try
        {
            for (; referenced < inputCount + outputs.Length; referenced++)
            {
                var value = referenced < inputCount ? inputs[referenced] : outputs[referenced - inputCount];
                ArgumentNullException.ThrowIfNull(value, referenced < inputCount ? nameof(inputs) : nameof(outputs));
                var added = false;
                value.Handle.DangerousAddRef(ref added);
                values[referenced] = value.Handle.DangerousGetHandle();
            }

            var outputValues = produced != null ? produced : values + inputCount;
            if (produced != null)
            {
                new Span<nint>(produced, outputCount).Clear();
            }

            Library.Api.Check(
                Library.Api.Run(session.Pointer, 0, inputNames, values, (nuint)inputCount, outputNames, (nuint)outputCount, outputValues),
                "Run");
        }
        finally
        {
            for (var i = 0; i < referenced; i++)
            {
                (i < inputCount ? inputs[i] : outputs[i - inputCount]).Handle.DangerousRelease();
            }
        }
    }

    private static void CheckCounts(int inputNames, int inputs, int outputNames, int outputs)
    {
        if (inputNames != inputs || outputNames != outputs)
        {
            throw new ArgumentException($"Got {inputNames} input names for {inputs} inputs and {outputNames} output names for {outputs} outputs; the counts must match.");
        }

        if (inputs + outputs > MaxValuesPerRun)
        {
            throw new ArgumentException($"A run may pass at most {MaxValuesPerRun} inputs and outputs together; got {inputs + outputs}.");
        }
    }

    private void LookUpNames(ReadOnlySpan<string> names, Dictionary<string, nint> known, nint* destination, string kind)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is null || !known.TryGetValue(names[i], out destination[i]))
            {
                throw new ArgumentException($"The model has no {kind} named '{names[i]}'; its {kind}s are: {string.Join(", ", known.Keys)}.");
            }
        }
    }

    private static (Dictionary<string, nint> Inputs, Dictionary<string, nint> Outputs) MarshalNames(
        OrtSessionHandle handle, IReadOnlyList<NodeInfo> inputs, IReadOnlyList<NodeInfo> outputs)
    {
        // One block for all names, owned by the session handle: it lives exactly as long as any run can use it.
        var all = inputs.Concat(outputs).Select(n => n.Name).ToArray();
        var size = all.Sum(n => Encoding.UTF8.GetByteCount(n) + 1);
        var block = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, size));
        handle.NameBlock = block;
        var inputMap = new Dictionary<string, nint>(StringComparer.Ordinal);
        var outputMap = new Dictionary<string, nint>(StringComparer.Ordinal);
        var offset = 0;
        for (var i = 0; i < all.Length; i++)
        {
            var written = Encoding.UTF8.GetBytes(all[i], new Span<byte>(block + offset, size - offset));
            block[offset + written] = 0;
            (i < inputs.Count ? inputMap : outputMap)[all[i]] = (nint)(block + offset);
            offset += written + 1;
        }

        return (inputMap, outputMap);
    }
}
