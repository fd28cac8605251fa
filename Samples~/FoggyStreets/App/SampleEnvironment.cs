using NeuralPost.Core;
using NeuralPost.Inference;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// What the runners hand the passes besides the device: ONNX Runtime and the manifest, either possibly missing
/// (the passes then fall back and say so), and the log.
/// </summary>
/// <param name="Ort">ONNX Runtime environment, or null.</param>
/// <param name="Manifest">Model manifest, or null.</param>
/// <param name="Log">Receives the world's and the passes' messages.</param>
public sealed record SampleEnvironment(OnnxEnvironment? Ort, ModelManifest? Manifest, Action<string> Log);
