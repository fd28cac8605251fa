namespace NeuralPost.Graphics;

/// <summary>
/// Copies GPU data to the CPU without stalling: a <c>Start…</c> call queues the copy into a staging buffer,
/// and <see cref="TryComplete"/> or <see cref="Complete"/> copies it into the caller's memory once it has landed.
/// One copy may be in flight at a time; starting another replaces it.
/// </summary>
public interface IReadbackBuffer : IDisposable
{
    /// <summary>Capacity in bytes.</summary>
    int ByteSize { get; }

    /// <summary>Bytes the pending or finished copy holds.</summary>
    int PendingBytes { get; }

    /// <summary>Whether the pending copy has landed (true when none is pending and one has finished).</summary>
    bool IsReady { get; }

    /// <summary>Queues a copy of the whole texture, in its own pixel layout.</summary>
    void StartRead(ITexture source);

    /// <summary>Queues a copy of the render target's colour pixels.</summary>
    void StartRead(IRenderTarget source);

    /// <summary>Queues a copy of <paramref name="byteCount"/> bytes of a storage buffer from <paramref name="byteOffset"/>.</summary>
    void StartRead(IStorageBuffer source, int byteOffset, int byteCount);

    /// <summary>
    /// Copies the landed data into <paramref name="destination"/> (at least <see cref="PendingBytes"/> long) and
    /// returns true, or returns false without blocking when the copy has not landed yet.
    /// </summary>
    bool TryComplete(Span<byte> destination);

    /// <summary>Waits for the copy to land and copies it into <paramref name="destination"/>.</summary>
    void Complete(Span<byte> destination);
}
