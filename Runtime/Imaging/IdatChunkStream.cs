namespace NeuralPost.Imaging;

/// <summary>
/// A write-only stream that cuts what the deflater produces into IDAT chunks of a fixed size, so the encoder
/// never holds the whole compressed image in one buffer.
/// </summary>
internal sealed class IdatChunkStream : Stream
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream _destination;
    private readonly byte[] _buffer = new byte[ChunkSize];
    private int _count;

    /// <summary>Writes chunks to <paramref name="destination"/>, which stays open.</summary>
    public IdatChunkStream(Stream destination) => _destination = destination;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, ChunkSize - _count);
            buffer[..n].CopyTo(_buffer.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
            if (_count == ChunkSize)
            {
                Flush();
            }
        }
    }

    /// <summary>Emits the buffered bytes as one IDAT chunk; does nothing when the buffer is empty.</summary>
    public override void Flush()
    {
        if (_count > 0)
        {
            PngChunks.Write(_destination, PngChunks.Idat, _buffer.AsSpan(0, _count));
            _count = 0;
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
