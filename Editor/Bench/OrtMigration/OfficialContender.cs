using Ort = Microsoft.ML.OnnxRuntime;

namespace NeuralPost.Editor.Bench.OrtMigration;

/// <summary>The official <c>Microsoft.ML.OnnxRuntime</c> API: session + OrtIoBinding over pinned arrays.</summary>
internal sealed class OfficialContender : IContender
{
    private readonly Ort.SessionOptions _options;
    private readonly Ort.InferenceSession _session;
    private readonly Ort.OrtValue _input;
    private readonly Ort.OrtValue _output;
    private readonly Ort.OrtIoBinding _binding;
    private readonly Ort.RunOptions _runOptions = new();

    public OfficialContender(string modelPath, int height, int width, int scale, int threads)
    {
        _options = new Ort.SessionOptions { IntraOpNumThreads = threads };
        _session = new Ort.InferenceSession(modelPath, _options);
        Input = new float[3 * height * width];
        Output = new float[3 * height * scale * width * scale];
        _input = Ort.OrtValue.CreateTensorValueFromMemory(Input, [1, 3, height, width]);
        _output = Ort.OrtValue.CreateTensorValueFromMemory(Output, [1, 3, height * scale, width * scale]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(_session.InputNames[0], _input);
        _binding.BindOutput(_session.OutputNames[0], _output);
    }

    public float[] Input { get; }

    public float[] Output { get; }

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _session.Dispose();
        _runOptions.Dispose();
        _options.Dispose();
    }
}
