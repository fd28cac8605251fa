namespace NeuralPost.Graphics;

/// <summary>
/// Running totals of the bytes a device has moved between host and device memory since it was created: what the
/// CPU sent (texture, buffer and mesh uploads), what it got back (readbacks and buffer downloads), and what buffer
/// maps made visible to it. A snapshot is a plain value; the difference of two snapshots is the traffic between
/// them, which is how a frame or a pass chain is measured.
/// </summary>
/// <param name="UploadedBytes">Bytes copied from host to device memory.</param>
/// <param name="ReadBackBytes">Bytes copied from device to host memory (counted when the copy is issued).</param>
/// <param name="MappedBytes">Bytes of buffer storage mapped into the host's address space (counted per map).</param>
public readonly record struct TransferCounters(long UploadedBytes, long ReadBackBytes, long MappedBytes)
{
    /// <summary>All three together: the host&lt;-&gt;device traffic.</summary>
    public long TotalBytes => UploadedBytes + ReadBackBytes + MappedBytes;

    /// <summary>The traffic between an earlier snapshot and a later one.</summary>
    public static TransferCounters operator -(TransferCounters later, TransferCounters earlier) =>
        new(later.UploadedBytes - earlier.UploadedBytes, later.ReadBackBytes - earlier.ReadBackBytes,
            later.MappedBytes - earlier.MappedBytes);

    /// <summary>The sum of two amounts of traffic.</summary>
    public static TransferCounters operator +(TransferCounters a, TransferCounters b) =>
        new(a.UploadedBytes + b.UploadedBytes, a.ReadBackBytes + b.ReadBackBytes, a.MappedBytes + b.MappedBytes);

    /// <summary>The sum of two amounts of traffic (the named form of <c>+</c>).</summary>
    public static TransferCounters Add(TransferCounters a, TransferCounters b) => a + b;

    /// <summary>The difference of two snapshots (the named form of <c>-</c>).</summary>
    public static TransferCounters Subtract(TransferCounters later, TransferCounters earlier) => later - earlier;
}
