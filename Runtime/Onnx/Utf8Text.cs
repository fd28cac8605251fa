using System.Runtime.InteropServices;
using System.Text;

namespace NeuralPost.Onnx;

/// <summary>Converts between .NET strings and the NUL-terminated UTF-8 strings the C API takes and returns.</summary>
internal static unsafe class Utf8Text
{
    /// <summary>Copies a native string; null stays null so callers can tell "absent" from "empty".</summary>
    internal static string? FromNative(byte* text) => text == null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Allocates a NUL-terminated copy in native memory; free it with <see cref="Free"/>.</summary>
    internal static byte* Allocate(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return buffer;
    }

    /// <summary>Frees memory from <see cref="Allocate"/>; null is ignored.</summary>
    internal static void Free(byte* text) => NativeMemory.Free(text);

    /// <summary>Replaces line breaks so a native message fits the one-line error convention.</summary>
    internal static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
}
