using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// Finds the ONNX Runtime native library: the path in <c>NEURALPOST_ORT_LIBRARY</c>, else the copy
/// <c>./tools/bootstrap.sh</c> put under <c>.cache/onnxruntime/&lt;version&gt;/&lt;rid&gt;/</c> in the application
/// directory or one of its parents, else whatever the operating system's loader finds by name.
/// </summary>
public static class OrtLibraryLocator
{
    /// <summary>Environment variable holding an explicit library path.</summary>
    public const string EnvironmentVariable = "NEURALPOST_ORT_LIBRARY";

    /// <summary>The ONNX Runtime release the bootstrap script installs and this binding was counted against.</summary>
    public const string OrtVersion = "1.30.0";

    /// <summary>
    /// Returns a path (or a bare library name the OS loader resolves) that <see cref="OrtLibrary.Load"/> accepts.
    /// </summary>
    /// <exception cref="OrtLibraryNotFoundException">Nothing was found; the message lists every place tried.</exception>
    public static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            // An explicit setting that is wrong is a configuration error; silently falling back would hide it.
            if (!File.Exists(fromEnvironment))
            {
                throw new OrtLibraryNotFoundException(
                    $"{EnvironmentVariable} is set to '{fromEnvironment}', but no file exists there; fix the variable or run ./tools/bootstrap.sh.");
            }

            return fromEnvironment;
        }

        var relative = CacheRelativePath();
        if (relative is not null)
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var plainName = PlainLibraryName();
        if (NativeLibrary.TryLoad(plainName, out var handle))
        {
            // Only probing; OrtLibrary.Load takes its own reference through the same name.
            NativeLibrary.Free(handle);
            return plainName;
        }

        var cacheDescription = relative is null
            ? "no bootstrap cache for this platform"
            : $"{relative} in {AppContext.BaseDirectory} and its parents";
        throw new OrtLibraryNotFoundException(
            $"ONNX Runtime {OrtVersion} native library not found (looked at: ${EnvironmentVariable} (unset); {cacheDescription}; system loader for '{plainName}'); run ./tools/bootstrap.sh to install it.");
    }

    /// <summary>The bootstrap cache location relative to the repository root, or null on unsupported platforms.</summary>
    internal static string? CacheRelativePath()
    {
        var root = Path.Combine(".cache", "onnxruntime", OrtVersion);
        var arch = RuntimeInformation.OSArchitecture;
        if (OperatingSystem.IsLinux())
        {
            return arch switch
            {
                Architecture.X64 => Path.Combine(root, "linux-x64", "libonnxruntime.so.1"),
                Architecture.Arm64 => Path.Combine(root, "linux-arm64", "libonnxruntime.so.1"),
                _ => null,
            };
        }

        if (OperatingSystem.IsWindows() && arch == Architecture.X64)
        {
            return Path.Combine(root, "win-x64", "onnxruntime.dll");
        }

        if (OperatingSystem.IsMacOS() && arch == Architecture.Arm64)
        {
            return Path.Combine(root, "osx-arm64", $"libonnxruntime.{OrtVersion}.dylib");
        }

        return null;
    }

    /// <summary>The name the OS loader searches for when no explicit path is known.</summary>
    internal static string PlainLibraryName() =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll"
        : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib"
        : "libonnxruntime.so.1";
}
