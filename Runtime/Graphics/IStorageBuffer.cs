namespace NeuralPost.Graphics;

/// <summary>A GPU buffer that compute programs read and write as a shader storage buffer.</summary>
public interface IStorageBuffer : IDisposable
{
    /// <summary>Size in bytes.</summary>
    int ByteSize { get; }

    /// <summary>Copies <paramref name="data"/> into the buffer starting at <paramref name="byteOffset"/>.</summary>
    void Upload(ReadOnlySpan<byte> data, int byteOffset = 0);

    /// <summary>Reads <paramref name="destination"/>.Length bytes from <paramref name="byteOffset"/>, waiting for the GPU.</summary>
    void Download(Span<byte> destination, int byteOffset = 0);
}
