using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Effects;

/// <summary>
/// What the neural passes need from the application, handed to each pass's <c>Bind</c> before it renders. The
/// application owns every service and must keep them alive (and dispose them) after the passes that use them.
/// </summary>
/// <param name="Device">The GPU the frames live on; passes create their buffers, programs and targets on it.</param>
/// <param name="Ort">
/// The process's ONNX Runtime environment (<see cref="OnnxEnvironment.Create"/>, whose log should be <paramref name="Log"/>),
/// or null when the application has no ONNX Runtime (network passes then fall back: bilinear for the upscaler,
/// pass-through for dehaze, unless the GPU-compute backend runs them).
/// </param>
/// <param name="Manifest">The model catalogue to find networks in, or null when none was found (same fallback).</param>
/// <param name="Log">Receives one line per problem a pass works around (each problem is reported once).</param>
public sealed record EffectServices(IGraphicsDevice Device, OnnxEnvironment? Ort, ModelManifest? Manifest, Action<string> Log)
{
    /// <summary>
    /// Opens a model file as a GPU-compute network on a device with the pass's options:
    /// <see cref="GpuComputeRunner.Open(IGraphicsDevice, string, GpuComputeOptions)"/> unless replaced (tests supply
    /// runners whose plans are known shaders, or that fail in chosen ways).
    /// </summary>
    public Func<IGraphicsDevice, string, GpuComputeOptions, IGpuNetworkRunner> OpenGpuRunner { get; init; } = GpuComputeRunner.Open;
}
