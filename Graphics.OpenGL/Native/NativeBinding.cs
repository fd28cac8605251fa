using System.Runtime.InteropServices;

namespace NeuralPost.Graphics.OpenGL.Native;

/// <summary>What the thin EGL and GLFW bindings share: loading a library once per process and resolving names.</summary>
internal static unsafe class NativeBinding
{
    /// <summary>
    /// Returns the binding cached under <paramref name="libraryName"/>, or loads the library and binds it. Libraries
    /// are never unloaded: drivers keep threads and atexit handlers inside them, and unloading under them crashes
    /// the process at exit.
    /// </summary>
    /// <exception cref="GraphicsUnavailableException">The library cannot be loaded; the message ends with <paramref name="installHint"/>.</exception>
    public static T LoadOnce<T>(Dictionary<string, T> cache, string kind, string libraryName, string installHint, Func<nint, T> bind)
    {
        lock (cache)
        {
            if (cache.TryGetValue(libraryName, out var bound))
            {
                return bound;
            }

            if (!NativeLibrary.TryLoad(libraryName, out var handle))
            {
                throw new GraphicsUnavailableException($"{kind} library '{libraryName}' could not be loaded (NativeLibrary.Load failed); {installHint}.");
            }

            bound = bind(handle);
            cache.Add(libraryName, bound);
            return bound;
        }
    }

    /// <summary>The address of an exported function.</summary>
    /// <exception cref="GraphicsUnavailableException">The library lacks it; <paramref name="requirement"/> says what would have it.</exception>
    public static nint Export(nint library, string kind, string libraryName, string name, string requirement) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new GraphicsUnavailableException($"{kind} library '{libraryName}' has no export {name}{requirement}.");

    /// <summary>Resolves a function through a library's own <c>GetProcAddress</c>; zero when unknown.</summary>
    public static nint ProcAddress(delegate* unmanaged[Cdecl]<byte*, nint> getProcAddress, string name)
    {
        var bytes = NativeText.ToNullTerminatedUtf8(name);
        fixed (byte* p = bytes)
        {
            return getProcAddress(p);
        }
    }
}
