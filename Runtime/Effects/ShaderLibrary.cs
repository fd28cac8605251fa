using System.Text;
using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// The compute shaders embedded from <c>Shaders/*.comp</c>, with host-side defines spliced in after
/// <c>#version</c> (GLSL requires that line first), such as the image format a storage image must declare.
/// </summary>
internal static class ShaderLibrary
{
    public const string ImageToTensor = "image_to_tensor.comp";
    public const string TensorToImage = "tensor_to_image.comp";
    public const string Sharpen = "sharpen.comp";
    public const string OutputCheck = "output_check.comp";

    /// <summary>The source of an embedded shader.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without it.</exception>
    public static string Load(string fileName)
    {
        var resource = "Shaders/" + fileName;
        using var stream = typeof(ShaderLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded shader '{resource}' is missing from {typeof(ShaderLibrary).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Compiles an embedded shader with <c>#define</c> lines (e.g. <c>IMAGE_FORMAT rgba8</c>) inserted.</summary>
    public static IComputeProgram Compile(IGraphicsDevice device, string fileName, params ReadOnlySpan<string> defines) =>
        CompileWithPrelude(device, fileName, null, defines);

    /// <summary>
    /// Compiles an embedded shader with <c>#define</c> lines and then <paramref name="preludeFile"/> (another embedded
    /// file, e.g. the inference kernels' tensor storage) inserted after <c>#version</c>.
    /// </summary>
    /// <remarks>A name of its own: as an overload of <see cref="Compile"/> a first define would bind to the prelude.</remarks>
    public static IComputeProgram CompileWithPrelude(IGraphicsDevice device, string fileName, string? preludeFile, params ReadOnlySpan<string> defines)
    {
        var source = Load(fileName);
        var versionEnd = source.IndexOf('\n', StringComparison.Ordinal) + 1;
        if (versionEnd == 0 || !source.StartsWith("#version", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"shader '{fileName}' must start with a #version line");
        }

        var builder = new StringBuilder(source.Length + 64);
        builder.Append(source, 0, versionEnd);
        var name = new StringBuilder(fileName);
        foreach (var define in defines)
        {
            builder.Append("#define ").Append(define).Append('\n');
            name.Append(" [").Append(define).Append(']');
        }

        if (preludeFile is not null)
        {
            builder.Append(Load(preludeFile)).Append('\n');
        }

        // Keeps the driver's line numbers in error messages equal to the file's.
        builder.Append("#line 2\n");
        builder.Append(source, versionEnd, source.Length - versionEnd);
        return device.CreateComputeProgram(name.ToString(), builder.ToString());
    }

    /// <summary>The GLSL image format qualifier of a texture format.</summary>
    public static string ImageFormat(TextureFormat format) => format switch
    {
        TextureFormat.Rgba8 => "rgba8",
        TextureFormat.Rgba16F => "rgba16f",
        TextureFormat.Rgba32F => "rgba32f",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no image format for this texture format"),
    };
}
