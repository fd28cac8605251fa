using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// One camera's render targets, reused frame after frame. A request takes the first target of the same size,
/// format and depth flag that is not the one to avoid (the pass's source), so a chain ping-pongs between at most two
/// targets per size and asks for the same ones every frame. Targets not requested during a frame are disposed at
/// its end, which is how a size change replaces the old targets instead of accumulating them.
/// </summary>
internal sealed class RenderTargetPool : IDisposable
{
    private readonly IRenderTargetAllocator _allocator;
    private readonly List<Entry> _entries = [];
    private long _frame;

    public RenderTargetPool(IRenderTargetAllocator allocator) => _allocator = allocator;

    /// <summary>Frame number of the last <see cref="BeginFrame"/>, to tell pools the world skipped this frame.</summary>
    public long Frame => _frame;

    public int Count => _entries.Count;

    public void BeginFrame(long frame) => _frame = frame;

    public IRenderTarget Acquire(Size size, TextureFormat format, bool withDepth, IRenderTarget? avoid)
    {
        foreach (var entry in _entries)
        {
            if (entry.Size == size && entry.Format == format && entry.WithDepth == withDepth
                && !ReferenceEquals(entry.Target, avoid))
            {
                entry.LastUsed = _frame;
                return entry.Target;
            }
        }

        var target = _allocator.CreateRenderTarget(size.Width, size.Height, format, withDepth);
        _entries.Add(new Entry(target, size, format, withDepth) { LastUsed = _frame });
        return target;
    }

    /// <summary>Disposes the targets this frame did not use.</summary>
    public void EndFrame()
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].LastUsed != _frame)
            {
                _entries[i].Target.Dispose();
                _entries.RemoveAt(i);
            }
        }
    }

    public void Dispose()
    {
        foreach (var entry in _entries)
        {
            entry.Target.Dispose();
        }

        _entries.Clear();
    }

    private sealed class Entry(IRenderTarget target, Size size, TextureFormat format, bool withDepth)
    {
        public IRenderTarget Target { get; } = target;

        public Size Size { get; } = size;

        public TextureFormat Format { get; } = format;

        public bool WithDepth { get; } = withDepth;

        public long LastUsed { get; set; }
    }
}
