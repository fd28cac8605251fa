using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// A pass's tensors for its current frame size, kept while the layout and the network they were made for stay the
/// same and rebuilt once when either changes, so steady-state frames create nothing.
/// </summary>
internal sealed class TensorSlot : IDisposable
{
    private NetworkTensors? _tensors;

    /// <summary>The tensors of the last frame (or prepare), null before one.</summary>
    public NetworkTensors? Current => _tensors;

    /// <summary>
    /// Tensors laid out as <paramref name="layout"/> for <paramref name="gpu"/> (its plan compiled and bound) or, when
    /// that is null, for <paramref name="model"/>'s CPU buffers.
    /// </summary>
    public NetworkTensors Get(IGraphicsDevice device, ImageNetwork? model, GpuImageNetwork? gpu, TensorLayout layout)
    {
        if (_tensors is { } tensors && tensors.InputLayout == layout
            && (gpu is not null ? ReferenceEquals(tensors.Owner, gpu) : !tensors.OnGpu && tensors.Buffers!.Scale == model!.Scale))
        {
            return tensors;
        }

        Release();
        _tensors = gpu is not null
            ? new NetworkTensors(device, layout, gpu)
            : new NetworkTensors(device, layout, model!.Scale, model.GetBuffers(layout.TensorHeight, layout.TensorWidth));
        return _tensors;
    }

    /// <summary>Drops the tensors, e.g. when the network they were made for goes away.</summary>
    public void Release()
    {
        _tensors?.Dispose();
        _tensors = null;
    }

    public void Dispose() => Release();
}
