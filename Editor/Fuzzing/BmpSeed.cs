using System.Buffers.Binary;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>Writes a 24-bit bottom-up BMP (BITMAPINFOHEADER), the layout most BMP files have; Skia cannot write BMP.</summary>
internal static class BmpSeed
{
    private const int HeaderBytes = 14 + 40;

    public static byte[] Rgb24(Rgb8Image image)
    {
        int stride = ((image.Width * 3) + 3) & ~3;
        var file = new byte[HeaderBytes + (stride * image.Height)];
        var span = file.AsSpan();
        "BM"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], HeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], image.Height);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        for (int y = 0; y < image.Height; y++)
        {
            int row = HeaderBytes + ((image.Height - 1 - y) * stride);
            for (int x = 0; x < image.Width; x++)
            {
                int source = ((y * image.Width) + x) * 3;
                file[row + (x * 3)] = image.Data[source + 2];
                file[row + (x * 3) + 1] = image.Data[source + 1];
                file[row + (x * 3) + 2] = image.Data[source];
            }
        }

        return file;
    }
}
