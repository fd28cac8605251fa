using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuralPost.Imaging;

/// <summary>
/// Conversions between 8-bit interleaved images and planar float tensors (CHW: all R, then all G, then all B,
/// values in [0, 1]), the layout super-resolution networks consume and produce.
/// </summary>
public static class ImageTensor
{
    // Division is the costly part of the forward conversion and there are only 256 possible inputs.
    private static readonly float[] ByteToUnit = BuildByteToUnit();

    /// <summary>Writes <paramref name="image"/> into <paramref name="nchw"/> as planar R, G, B values divided by 255.</summary>
    /// <param name="image">Source image.</param>
    /// <param name="nchw">Destination of exactly 3*Height*Width values.</param>
    public static void ToTensor(Rgb8Image image, Span<float> nchw)
    {
        ArgumentNullException.ThrowIfNull(image);
        int plane = checked(image.Width * image.Height);
        if (nchw.Length != plane * 3)
        {
            throw new ArgumentException(
                $"Tensor holds {nchw.Length} values but a {image.Width}x{image.Height} RGB image needs 3x{image.Height}x{image.Width} = {plane * 3}.",
                nameof(nchw));
        }

        // Lengths are checked above, so the loop walks raw references and skips per-element bounds checks.
        ref byte src = ref MemoryMarshal.GetArrayDataReference(image.Data);
        ref float lut = ref MemoryMarshal.GetArrayDataReference(ByteToUnit);
        ref float r = ref MemoryMarshal.GetReference(nchw);
        ref float g = ref Unsafe.Add(ref r, plane);
        ref float b = ref Unsafe.Add(ref g, plane);
        for (int i = 0; i < plane; i++)
        {
            ref byte px = ref Unsafe.Add(ref src, i * 3);
            Unsafe.Add(ref r, i) = Unsafe.Add(ref lut, px);
            Unsafe.Add(ref g, i) = Unsafe.Add(ref lut, Unsafe.Add(ref px, 1));
            Unsafe.Add(ref b, i) = Unsafe.Add(ref lut, Unsafe.Add(ref px, 2));
        }
    }

    /// <summary>Converts <paramref name="image"/> to a new planar tensor of 3*Height*Width values in [0, 1].</summary>
    /// <param name="image">Source image.</param>
    /// <returns>The tensor data, R plane first.</returns>
    public static float[] ToTensor(Rgb8Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tensor = new float[checked(image.Width * image.Height * 3)];
        ToTensor(image, tensor);
        return tensor;
    }

    /// <summary>
    /// Writes a planar tensor into <paramref name="destination"/>: each value is clamped to [0, 1], multiplied
    /// by 255 and rounded half away from zero, as MATLAB's <c>im2uint8</c> does; NaN becomes 0.
    /// </summary>
    /// <param name="nchw">Source of exactly 3*Height*Width values, R plane first.</param>
    /// <param name="destination">Image whose size defines the expected tensor shape.</param>
    public static void FromTensor(ReadOnlySpan<float> nchw, Rgb8Image destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int plane = checked(destination.Width * destination.Height);
        if (nchw.Length != plane * 3)
        {
            throw new ArgumentException(
                $"Tensor holds {nchw.Length} values but a {destination.Width}x{destination.Height} RGB image needs 3x{destination.Height}x{destination.Width} = {plane * 3}.",
                nameof(nchw));
        }

        ref byte dst = ref MemoryMarshal.GetArrayDataReference(destination.Data);
        ref float r = ref MemoryMarshal.GetReference(nchw);
        ref float g = ref Unsafe.Add(ref r, plane);
        ref float b = ref Unsafe.Add(ref g, plane);
        for (int i = 0; i < plane; i++)
        {
            ref byte px = ref Unsafe.Add(ref dst, i * 3);
            px = UnitToByte(Unsafe.Add(ref r, i));
            Unsafe.Add(ref px, 1) = UnitToByte(Unsafe.Add(ref g, i));
            Unsafe.Add(ref px, 2) = UnitToByte(Unsafe.Add(ref b, i));
        }
    }

    /// <summary>Converts a planar tensor to a new image; see <see cref="FromTensor(ReadOnlySpan{float}, Rgb8Image)"/>.</summary>
    /// <param name="nchw">Source of exactly 3*<paramref name="height"/>*<paramref name="width"/> values.</param>
    /// <param name="width">Image width.</param>
    /// <param name="height">Image height.</param>
    /// <returns>The new image.</returns>
    public static Rgb8Image FromTensor(ReadOnlySpan<float> nchw, int width, int height)
    {
        var image = new Rgb8Image(width, height);
        FromTensor(nchw, image);
        return image;
    }

    /// <summary>Clamp, scale and round one value; the product is formed in double so it is exact and ties are true ties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte UnitToByte(float value)
    {
        if (!(value > 0f))
        {
            return 0;
        }

        if (value >= 1f)
        {
            return 255;
        }

        // value*255 needs at most 32 significant bits, so both the product and the +0.5 are exact in double.
        return (byte)((value * 255.0) + 0.5);
    }

    private static float[] BuildByteToUnit()
    {
        var table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = i / 255f;
        }

        return table;
    }
}
