using Microsoft.ML.OnnxRuntime;

namespace NeuralPost.Inference;

/// <summary>
/// One input and one output buffer bound to a session through <see cref="OrtIoBinding"/>. The tensors wrap the
/// caller's arrays (pinned for the binding's life), so <see cref="Run"/> copies nothing and allocates nothing.
/// </summary>
internal sealed class OnnxBoundRun : IBoundRun
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string _path;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly OrtIoBinding _binding;
    private bool _disposed;

    public OnnxBoundRun(InferenceSession session, RunOptions runOptions, string path,
        (string Name, float[] Buffer, NchwShape Shape) input, (string Name, float[] Buffer, NchwShape Shape) output)
    {
        CheckLength(input.Buffer, input.Shape, nameof(input));
        CheckLength(output.Buffer, output.Shape, nameof(output));
        _session = session;
        _runOptions = runOptions;
        _path = path;
        _input = OrtValue.CreateTensorValueFromMemory(input.Buffer, input.Shape.ToArray());
        _output = OrtValue.CreateTensorValueFromMemory(output.Buffer, output.Shape.ToArray());
        _binding = session.CreateIoBinding();
        _binding.BindInput(input.Name, _input);
        _binding.BindOutput(output.Name, _output);
    }

    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _session.RunWithBinding(_runOptions, _binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InferenceException($"{_path}: inference failed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
    }

    private static void CheckLength(float[] buffer, NchwShape shape, string name)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        if (!shape.IsFixed || buffer.LongLength != shape.ElementCount)
        {
            throw new ArgumentException($"the {name} buffer holds {buffer.LongLength} floats, its shape {shape} needs {(shape.IsFixed ? shape.ElementCount : "fixed dimensions")}", name);
        }
    }
}
