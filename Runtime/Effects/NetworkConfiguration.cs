using NeuralPost.Core;

namespace NeuralPost.Effects;

/// <summary>
/// The settings besides the model id that decide how a <see cref="NeuralPass"/> loads its network: a change of any
/// of them reconfigures the pass once.
/// </summary>
internal readonly record struct NetworkConfiguration(FallbackPolicy Policy, InferenceBackend Backend, TensorStorage GpuStorage);
