using System.Text;

namespace NeuralPost.Graphics.OpenGL.Native;

/// <summary>UTF-8 conversions at the native boundary; only used outside per-frame paths.</summary>
internal static unsafe class NativeText
{
    /// <summary>Encodes <paramref name="text"/> as UTF-8 with a terminating zero.</summary>
    public static byte[] ToNullTerminatedUtf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>Decodes a zero-terminated UTF-8 string; empty for a null pointer.</summary>
    public static string FromUtf8(byte* text) =>
        text == null ? string.Empty : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
}
