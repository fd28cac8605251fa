using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// Per-frame CPU and GPU milliseconds of named passes. A name gets a slot the first time it is reported (the only
/// allocation); after that, reporting and <see cref="BeginFrame()"/> allocate nothing, so collecting timings does not
/// itself add GC pressure to the frames it measures.
/// </summary>
public sealed class PassTimings
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private string[] _names;
    private double[] _cpu;
    private double[] _gpu;
    private bool[] _reported;
    private TransferCounters _frameStart; // what FrameTransfers is measured from

    /// <summary>Creates a collector with room for <paramref name="capacity"/> pass names before it grows.</summary>
    public PassTimings(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _names = new string[capacity];
        _cpu = new double[capacity];
        _gpu = new double[capacity];
        _reported = new bool[capacity];
    }

    /// <summary>
    /// Host&lt;-&gt;device bytes the post-process chains moved this frame (every camera's passes, measured around
    /// them), apart from the scene render and the host's own work. Zero when the device counts nothing.
    /// </summary>
    public TransferCounters ChainTransfers { get; private set; }

    /// <summary>
    /// Host&lt;-&gt;device bytes of the whole frame so far: from <see cref="BeginFrame(TransferCounters)"/> to the latest
    /// <see cref="MarkFrameTransfers"/>. The world marks the end of its render; a host that reads back or uploads
    /// after it (writing frames to disk, drawing an overlay) marks again once it is done, so this includes its work.
    /// </summary>
    public TransferCounters FrameTransfers { get; private set; }

    /// <summary>Number of pass names seen so far.</summary>
    public int Count { get; private set; }

    /// <summary>The timing in slot <paramref name="slot"/> (0 to <see cref="Count"/> - 1), in first-report order.</summary>
    public PassTiming this[int slot]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Count, nameof(slot));
            return new PassTiming(_names[slot], _cpu[slot], _gpu[slot], _reported[slot]);
        }
    }

    /// <summary>Clears every slot's values; the host calls it at the start of each rendered frame.</summary>
    public void BeginFrame()
    {
        Array.Clear(_cpu, 0, Count);
        Array.Fill(_gpu, double.NaN, 0, Count);
        Array.Clear(_reported, 0, Count);
        ChainTransfers = default;
        FrameTransfers = default;
        _frameStart = default;
    }

    /// <summary>Clears every slot and starts measuring the frame's host&lt;-&gt;device bytes from <paramref name="start"/>.</summary>
    public void BeginFrame(TransferCounters start)
    {
        BeginFrame();
        _frameStart = start;
    }

    /// <summary>Adds a post-process chain's traffic (a counter difference taken around it) to <see cref="ChainTransfers"/>.</summary>
    public void AddChainTransfers(TransferCounters chain) => ChainTransfers += chain;

    /// <summary>Sets <see cref="FrameTransfers"/> to the traffic from the frame's start to <paramref name="now"/>.</summary>
    public void MarkFrameTransfers(TransferCounters now) => FrameTransfers = now - _frameStart;

    /// <summary>
    /// Returns the slot of a pass name, creating it on first use; a pass can look its slot up once and report by
    /// slot to skip the dictionary.
    /// </summary>
    public int GetSlot(string passName)
    {
        ArgumentException.ThrowIfNullOrEmpty(passName);
        if (_slots.TryGetValue(passName, out var slot))
        {
            return slot;
        }

        if (Count == _names.Length)
        {
            Grow();
        }

        slot = Count++;
        _names[slot] = passName;
        _gpu[slot] = double.NaN;
        _slots.Add(passName, slot);
        return slot;
    }

    /// <summary>
    /// Adds milliseconds to a pass for this frame. Reports add up, so a pass run per tile or per camera reports
    /// its total. Pass NaN as <paramref name="gpuMilliseconds"/> when the GPU time is unknown.
    /// </summary>
    public void Report(string passName, double cpuMilliseconds, double gpuMilliseconds = double.NaN) =>
        Report(GetSlot(passName), cpuMilliseconds, gpuMilliseconds);

    /// <summary>Adds milliseconds to the pass in <paramref name="slot"/> for this frame.</summary>
    public void Report(int slot, double cpuMilliseconds, double gpuMilliseconds = double.NaN)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Count, nameof(slot));
        _cpu[slot] += cpuMilliseconds;
        if (!double.IsNaN(gpuMilliseconds))
        {
            _gpu[slot] = double.IsNaN(_gpu[slot]) ? gpuMilliseconds : _gpu[slot] + gpuMilliseconds;
        }

        _reported[slot] = true;
    }

    /// <summary>Looks a pass up by name; false when it has never reported.</summary>
    public bool TryGet(string passName, out PassTiming timing)
    {
        if (_slots.TryGetValue(passName, out var slot))
        {
            timing = this[slot];
            return true;
        }

        timing = default;
        return false;
    }

    private void Grow()
    {
        var size = _names.Length * 2;
        Array.Resize(ref _names, size);
        Array.Resize(ref _cpu, size);
        Array.Resize(ref _gpu, size);
        Array.Resize(ref _reported, size);
    }
}
