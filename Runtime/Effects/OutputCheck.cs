using System.Runtime.InteropServices;
using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// Watches a GPU-compute network's output for the failures users of other upscalers report on some drivers: NaN or
/// infinity, or an all-black frame from a non-black input. The check is a small reduction on the GPU
/// (<see cref="FrameKernels.CheckOutput"/>) into a tiny storage buffer, whose flags come back through a readback
/// that is polled, never waited for, so the frame never stalls on it.
/// </summary>
/// <remarks>
/// It runs on the first <see cref="InitialFrames"/> frames after a plan is bound, because a broken kernel or driver
/// shows on the first frame it runs, and then every <see cref="Interval"/> frames, to catch output that goes bad with
/// content (an overflow on a bright scene) without paying a pass over both tensors and a readback every frame. The
/// initial frames each write their own slot and share one readback, started on the last of them; later checks reset
/// the buffer on the GPU first. Each readback is <see cref="ResultBytes"/> bytes of host&lt;-&gt;device traffic, on
/// check frames only: with one initial frame, a run's chain moves nothing after its first frame until frame
/// <see cref="Interval"/>. More initial frames would catch a driver that fails only after warming up, at the price
/// of traffic on those frames too.
/// </remarks>
internal sealed class OutputCheck : IDisposable
{
    /// <summary>Frames checked right after a bind, each in its own slot.</summary>
    public const int InitialFrames = 1;

    /// <summary>Frames between later checks.</summary>
    public const int Interval = 240;

    private const int UintsPerSlot = 3;

    /// <summary>Bytes of the flags buffer, and of each readback.</summary>
    public const int ResultBytes = InitialFrames * UintsPerSlot * sizeof(uint);

    private readonly IStorageBuffer _result;
    private readonly IReadbackBuffer _readback;
    private readonly uint[] _flags = new uint[InitialFrames * UintsPerSlot];
    private long _frame;
    private bool _pending;

    public OutputCheck(IGraphicsDevice device)
    {
        _result = device.CreateStorageBuffer(ResultBytes); // zero-filled: the initial slots start clear
        try
        {
            _readback = device.CreateReadbackBuffer(ResultBytes);
        }
        catch
        {
            _result.Dispose();
            throw;
        }
    }

    /// <summary>Checks run so far whose flags have come back, for tests.</summary>
    public int CompletedChecks { get; private set; }

    /// <summary>
    /// Returns why the output is bad when a check's flags have come back and show a failure; null otherwise
    /// (nothing back yet, or healthy). Never blocks.
    /// </summary>
    public string? Poll()
    {
        if (!_pending || !_readback.TryComplete(MemoryMarshal.AsBytes(_flags.AsSpan())))
        {
            return null;
        }

        _pending = false;
        CompletedChecks++;
        for (var slot = 0; slot < InitialFrames; slot++)
        {
            var i = slot * UintsPerSlot;
            if (_flags[i] != 0)
            {
                return "the output check found NaN or infinity in the network's output";
            }

            if (_flags[i + 1] != 0 && _flags[i + 2] == 0)
            {
                return "the output check found an all-black output from a non-black input";
            }
        }

        return null;
    }

    /// <summary>Dispatches this frame's check when one is due (call after the network's run); no waits.</summary>
    public void Record(FrameKernels kernels, IStorageBuffer input, int inputFloats, IStorageBuffer output, int outputFloats)
    {
        var frame = _frame++;
        if (frame < InitialFrames)
        {
            kernels.CheckOutput(input, inputFloats, output, outputFloats, _result, (int)frame);
            if (frame == InitialFrames - 1)
            {
                StartReadback();
            }

            return;
        }

        // A later check waits for the previous readback to come back rather than replace it.
        if (frame % Interval == 0 && !_pending)
        {
            kernels.ResetCheck(_result);
            kernels.CheckOutput(input, inputFloats, output, outputFloats, _result, slot: 0);
            StartReadback();
        }
    }

    public void Dispose()
    {
        _readback.Dispose();
        _result.Dispose();
    }

    private void StartReadback()
    {
        _readback.StartRead(_result, 0, ResultBytes);
        _pending = true;
    }
}
