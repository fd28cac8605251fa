using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// A fixed list of input and output names resolved to native pointers once, so each
/// <see cref="Run"/> only passes values. Thread-safe; dispose it before or after its session.
/// </summary>
public sealed unsafe class RunPlan : IDisposable
{
    private readonly InferenceSession _session;
    private nint* _names;

    internal RunPlan(InferenceSession session, nint* names, string[] inputNames, string[] outputNames)
    {
        _session = session;
        _names = names;
        InputNames = inputNames;
        OutputNames = outputNames;
    }

    /// <summary>Input names, in the order values are passed.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Output names, in the order values are passed.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Runs into preallocated outputs; allocates nothing on the managed heap.</summary>
    /// <exception cref="ObjectDisposedException">The plan or its session was disposed.</exception>
    public void Run(ReadOnlySpan<OrtValue> inputs, ReadOnlySpan<OrtValue> outputs)
    {
        ObjectDisposedException.ThrowIf(_names == null, this);
        if (inputs.Length != InputNames.Count || outputs.Length != OutputNames.Count)
        {
            throw new ArgumentException($"The plan takes {InputNames.Count} inputs and {OutputNames.Count} outputs; got {inputs.Length} and {outputs.Length}.");
        }

        // The names point into the session's name block; RunCore's session reference keeps that block alive.
        _session.RunCore(_names, inputs, _names + InputNames.Count, outputs, outputs.Length, null);
    }

    /// <summary>Frees the resolved name array.</summary>
    public void Dispose()
    {
        NativeMemory.Free(_names);
        _names = null;
    }
}
