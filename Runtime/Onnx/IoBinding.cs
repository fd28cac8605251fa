namespace NeuralPost.Onnx;

/// <summary>
/// Inputs and outputs bound to a session ahead of time, for <see cref="InferenceSession.Run(IoBinding)"/>.
/// Bound values are kept alive (and their memory pinned) until cleared or until the binding is disposed.
/// </summary>
public sealed unsafe class IoBinding : IDisposable
{
    private readonly OrtIoBindingHandle _handle;
    private readonly List<OrtValue> _inputs = [];
    private readonly List<OrtValue> _outputs = [];

    /// <summary>Creates a binding for <paramref name="session"/>.</summary>
    public IoBinding(InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        var api = session.Library.Api;
        nint binding;
        using (var use = new HandleUse(session.Handle))
        {
            api.Check(api.CreateIoBinding(use.Pointer, &binding), "CreateIoBinding");
        }

        _handle = new OrtIoBindingHandle(api, binding, session.Handle);
    }

    /// <summary>The session the binding belongs to.</summary>
    public InferenceSession Session { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtIoBindingHandle Handle => _handle;

    private OrtApi Api => Session.Library.Api;

    /// <summary>Binds an input value by name.</summary>
    public void BindInput(string name, OrtValue value) => Bind(name, value, _inputs, output: false);

    /// <summary>Binds a preallocated output value by name; ORT writes the result into it.</summary>
    public void BindOutput(string name, OrtValue value) => Bind(name, value, _outputs, output: true);

    /// <summary>Lets ORT allocate the named output on the described device; read it with <see cref="GetBoundOutputValues"/>.</summary>
    public void BindOutputToDevice(string name, OrtMemoryInfo memoryInfo)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(memoryInfo);
        using var binding = new HandleUse(_handle);
        using var info = new HandleUse(memoryInfo.Handle);
        using var text = new NativeUtf8(name);
        Api.Check(Api.BindOutputToDevice(binding.Pointer, text.Pointer, info.Pointer), "BindOutputToDevice");
    }

    /// <summary>Lets ORT allocate the named output in CPU memory.</summary>
    public void BindOutputToCpu(string name)
    {
        using var cpu = OrtMemoryInfo.CreateCpu(Session.Library);
        BindOutputToDevice(name, cpu);
    }

    /// <summary>Unbinds all inputs.</summary>
    public void ClearBoundInputs()
    {
        using (var binding = new HandleUse(_handle))
        {
            Api.ClearBoundInputs(binding.Pointer);
        }

        ReleaseAll(_inputs);
    }

    /// <summary>Unbinds all outputs.</summary>
    public void ClearBoundOutputs()
    {
        using (var binding = new HandleUse(_handle))
        {
            Api.ClearBoundOutputs(binding.Pointer);
        }

        ReleaseAll(_outputs);
    }

    /// <summary>Waits until bound inputs are copied to their devices (a no-op for CPU).</summary>
    public void SynchronizeBoundInputs()
    {
        using var binding = new HandleUse(_handle);
        Api.Check(Api.SynchronizeBoundInputs(binding.Pointer), "SynchronizeBoundInputs");
    }

    /// <summary>Waits until bound outputs are complete on their devices (a no-op for CPU).</summary>
    public void SynchronizeBoundOutputs()
    {
        using var binding = new HandleUse(_handle);
        Api.Check(Api.SynchronizeBoundOutputs(binding.Pointer), "SynchronizeBoundOutputs");
    }

    /// <summary>The output values after a run, in binding order; the caller disposes them.</summary>
    public OrtValue[] GetBoundOutputValues()
    {
        var library = Session.Library;
        using var binding = new HandleUse(_handle);
        nint* values = null;
        nuint count = 0;
        Api.Check(Api.GetBoundOutputValues(binding.Pointer, library.DefaultAllocator, &values, &count), "GetBoundOutputValues");
        try
        {
            var result = new OrtValue[(int)count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = OrtValue.FromOwned(library, values[i]);
            }

            return result;
        }
        finally
        {
            library.FreeWithDefaultAllocator(values);
        }
    }

    /// <summary>Releases the binding and the references it held on bound values.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        _handle.Dispose();
        ReleaseAll(_inputs);
        ReleaseAll(_outputs);
    }

    private void Bind(string name, OrtValue value, List<OrtValue> keep, bool output)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        using var binding = new HandleUse(_handle);
        using var text = new NativeUtf8(name);
        var added = false;
        value.Handle.DangerousAddRef(ref added);
        try
        {
            var handle = value.Handle.DangerousGetHandle();
            Api.Check(output ? Api.BindOutput(binding.Pointer, text.Pointer, handle) : Api.BindInput(binding.Pointer, text.Pointer, handle),
                output ? "BindOutput" : "BindInput");
        }
        catch
        {
            value.Handle.DangerousRelease();
            throw;
        }

        // ORT keeps using the value's memory, so the value (and its pin) must outlive the binding entry.
        keep.Add(value);
    }

    private static void ReleaseAll(List<OrtValue> values)
    {
        foreach (var value in values)
        {
            value.Handle.DangerousRelease();
        }

        values.Clear();
    }
}
