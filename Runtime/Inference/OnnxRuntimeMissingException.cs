using NeuralPost.Core;

namespace NeuralPost.Inference;

/// <summary>
/// The ONNX Runtime native library (<c>libonnxruntime.so</c>, <c>onnxruntime.dll</c>, <c>libonnxruntime.dylib</c>)
/// could not be loaded. The message names the library and how to get it.
/// </summary>
public sealed class OnnxRuntimeMissingException : NeuralPostException
{
    /// <summary>Creates the exception with the loader's error.</summary>
    public OnnxRuntimeMissingException(string message, Exception innerException) : base(OneLine.Of(message), innerException) { }

    /// <summary>The file name the managed API loads on this platform.</summary>
    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    /// <summary>
    /// The typed error for a failure to load the native library, or null when <paramref name="error"/> is something
    /// else. The managed API throws <see cref="DllNotFoundException"/> on first use and, once its native-method
    /// table failed to initialise, <see cref="TypeInitializationException"/> wrapping it on every later use.
    /// </summary>
    public static OnnxRuntimeMissingException? FromLoadFailure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
            {
                return new OnnxRuntimeMissingException(
                    $"the ONNX Runtime native library {LibraryFileName} could not be loaded ({e.Message}); it comes with the " +
                    $"Microsoft.ML.OnnxRuntime package: build for this platform's runtime identifier (dotnet build does, through " +
                    $"Directory.Build.props) so it is copied next to NeuralPost.Runtime.dll, or put {LibraryFileName} on the library path", error);
            }
        }

        return null;
    }
}
