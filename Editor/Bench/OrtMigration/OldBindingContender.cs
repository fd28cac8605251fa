using NeuralPost.Onnx;

namespace NeuralPost.Editor.Bench.OrtMigration;

/// <summary>Our hand-written C-API binding (<c>NeuralPost.Onnx</c>): session + IoBinding over pinned arrays.</summary>
internal sealed class OldBindingContender : IContender
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly IoBinding _binding;

    public OldBindingContender(OrtEnvironment environment, string modelPath, int height, int width, int scale, int threads)
    {
        var library = environment.Library;
        _options = new SessionOptions(library) { IntraOpThreads = threads };
        _session = InferenceSession.FromFile(environment, modelPath, _options);
        Input = new float[3 * height * width];
        Output = new float[3 * height * scale * width * scale];
        _input = OrtValue.CreateTensor(Input, [1, 3, height, width], library);
        _output = OrtValue.CreateTensor(Output, [1, 3, height * scale, width * scale], library);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(_session.Inputs[0].Name, _input);
        _binding.BindOutput(_session.Outputs[0].Name, _output);
    }

    public float[] Input { get; }

    public float[] Output { get; }

    public void Run() => _session.Run(_binding);

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
