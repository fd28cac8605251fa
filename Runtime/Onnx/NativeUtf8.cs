namespace NeuralPost.Onnx;

/// <summary>
/// A native UTF-8 copy of a string for the duration of one call; <c>using</c> frees it even when the call throws.
/// </summary>
internal readonly unsafe ref struct NativeUtf8
{
    /// <summary>Copies <paramref name="text"/> into native memory.</summary>
    public NativeUtf8(string text) => Pointer = Utf8Text.Allocate(text);

    /// <summary>The NUL-terminated string.</summary>
    public byte* Pointer { get; }

    /// <summary>Frees the copy.</summary>
    public void Dispose() => Utf8Text.Free(Pointer);
}
