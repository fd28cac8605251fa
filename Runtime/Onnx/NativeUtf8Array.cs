namespace NeuralPost.Onnx;

/// <summary>A native array of NUL-terminated UTF-8 strings (<c>const char* const*</c>) for one call.</summary>
internal readonly unsafe ref struct NativeUtf8Array
{
    /// <summary>Copies the strings into native memory.</summary>
    public NativeUtf8Array(IEnumerable<string> items)
    {
        var list = items.ToList();
        Count = list.Count;
        Pointers = (byte**)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Math.Max(1, Count), (nuint)sizeof(byte*));
        for (var i = 0; i < Count; i++)
        {
            Pointers[i] = Utf8Text.Allocate(list[i]);
        }
    }

    /// <summary>Number of strings.</summary>
    public int Count { get; }

    /// <summary>The array of string pointers.</summary>
    public byte** Pointers { get; }

    /// <summary>Frees the strings and the array.</summary>
    public void Dispose()
    {
        for (var i = 0; i < Count; i++)
        {
            Utf8Text.Free(Pointers[i]);
        }

        System.Runtime.InteropServices.NativeMemory.Free(Pointers);
    }
}
