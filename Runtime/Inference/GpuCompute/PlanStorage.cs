using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// A region of floats some values of a plan live in. An intermediate storage may be placed inside another (a
/// Concat's result, so its producers write in place); the root of that chain gets a pooled buffer by liveness.
/// </summary>
internal sealed class PlanStorage
{
    public PlanStorage(int floats, bool isExternal = false, IStorageBuffer? external = null)
    {
        Floats = floats;
        IsExternal = isExternal;
        External = external;
    }

    public int Floats { get; }

    /// <summary>The caller's input or output (a shape-only plan has no buffer for it).</summary>
    public bool IsExternal { get; }

    /// <summary>The caller's buffer behind an external storage; never pooled.</summary>
    public IStorageBuffer? External { get; }

    public PlanStorage? Parent { get; private set; }

    public int ParentOffset { get; private set; }

    /// <summary>First and last step that read or write this root (set on roots only).</summary>
    public int FirstStep { get; set; } = int.MaxValue;

    public int LastStep { get; set; } = -1;

    /// <summary>Whether a root holds IEEE half floats, two per 32-bit word (set on roots only, by the compiler).</summary>
    public bool Half { get; set; }

    /// <summary>Bytes a root needs in its buffer: 4 per float, or 2 per half rounded up to whole words.</summary>
    public int Bytes => Half ? checked((Floats + 1) / 2 * sizeof(uint)) : checked(Floats * sizeof(float));

    /// <summary>The buffer a root was given; null until the plan is allocated.</summary>
    public IStorageBuffer? Buffer { get; set; }

    public PlanStorage Root => Parent?.Root ?? this;

    public int RootOffset => Parent is null ? 0 : Parent.RootOffset + ParentOffset;

    /// <summary>True when this storage can still be moved inside another (not external, not placed yet).</summary>
    public bool CanPlace => !IsExternal && Parent is null;

    public void PlaceIn(PlanStorage parent, int offset)
    {
        Parent = parent;
        ParentOffset = offset;
    }

    public IStorageBuffer ResolvedBuffer => Root.External ?? Root.Buffer ?? throw new InvalidOperationException("plan storage used before allocation");
}

/// <summary>A C x H x W float tensor (batch 1) stored contiguously at <see cref="Offset"/> floats into a storage.</summary>
internal sealed record TensorView(PlanStorage Storage, int Offset, int C, int H, int W)
{
    public int Count => C * H * W;

    public int Plane => H * W;

    /// <summary>True when the view is all of its storage, so the storage can be placed elsewhere.</summary>
    public bool IsWholeStorage => Offset == 0 && Count == Storage.Floats;

    public int AbsoluteOffset => Storage.RootOffset + Offset;

    /// <summary>Channels [<paramref name="first"/>, first + <paramref name="count"/>) of this view, without a copy.</summary>
    public TensorView Channels(int first, int count) => this with { Offset = Offset + first * Plane, C = count };

    public override string ToString() => $"1x{C}x{H}x{W}";
}
