namespace NeuralPost.Graphics.OpenGL;

/// <content>Host&lt;-&gt;device byte counters: each upload, readback and map adds its size here.</content>
public sealed partial class GlDevice
{
    // Plain fields: the device is single-threaded, and a counter that costs an interlocked add per upload would tax
    // the very frames it measures.
    private long _uploadedBytes;
    private long _readBackBytes;
    private long _mappedBytes;

    /// <inheritdoc/>
    public TransferCounters Transfers => new(_uploadedBytes, _readBackBytes, _mappedBytes);

    /// <summary>Counts bytes sent from host to device memory.</summary>
    internal void CountUpload(long bytes) => _uploadedBytes += bytes;

    /// <summary>Counts bytes copied from device to host memory.</summary>
    internal void CountReadBack(long bytes) => _readBackBytes += bytes;

    /// <summary>Counts bytes of buffer storage mapped into host memory.</summary>
    internal void CountMapped(long bytes) => _mappedBytes += bytes;
}
