using System.Runtime.CompilerServices;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// Base of every GL object the device creates: counts itself on the device and deletes its GL names on the
/// device's context when disposed. There is no finalizer on purpose: GL names may only be deleted on the thread
/// that owns the context, never on the finalizer thread.
/// </summary>
internal abstract class GlResource : IDisposable
{
    /// <summary>Registers the resource with its device.</summary>
    protected GlResource(GlDevice device)
    {
        Device = device;
        device.Track(+1);
    }

    /// <summary>
    /// Checks sizes before the base constructor counts the resource, so a refused size leaves
    /// <see cref="GlDevice.LiveResourceCount"/> as it was.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is zero or negative.</exception>
    protected static GlDevice WithPositiveSizes(GlDevice device, int first, int second = 1,
        [CallerArgumentExpression(nameof(first))] string? firstName = null, [CallerArgumentExpression(nameof(second))] string? secondName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first, firstName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(second, secondName);
        return device;
    }

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>The device that created the resource.</summary>
    internal GlDevice Device { get; }

    /// <summary>Deletes the GL objects; safe to call more than once, and after the device is gone.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        // Destroying the context already freed the names; touching GL then would call into a dead context.
        if (!Device.IsDisposed)
        {
            Device.MakeCurrentForCleanup();
            DeleteObjects();
        }

        Device.Track(-1);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes this resource's GL names; the device's context is current.</summary>
    protected abstract void DeleteObjects();

    /// <summary>Throws when the resource was disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
