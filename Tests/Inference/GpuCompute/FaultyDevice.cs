using System.Reflection;
using NeuralPost.Graphics;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// A device that forwards to a real one but fails on demand: kernel compilation (a driver that rejects a shader)
/// or the Nth storage-buffer allocation (out of memory). Built on <see cref="DispatchProxy"/>, so it needs no
/// hand-written forwarding of the whole interface.
/// </summary>
internal class FaultyDevice : DispatchProxy
{
    private IGraphicsDevice? _inner;

    /// <summary>When set, compute programs fail to compile.</summary>
    public bool FailCompilation { get; set; }

    /// <summary>Storage-buffer allocations left before one fails; negative for never.</summary>
    public int BuffersBeforeFailure { get; set; } = -1;

    public static (IGraphicsDevice Device, FaultyDevice Faults) Wrap(IGraphicsDevice inner)
    {
        var device = Create<IGraphicsDevice, FaultyDevice>();
        var faults = (FaultyDevice)(object)device;
        faults._inner = inner;
        return (device, faults);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IGraphicsDevice.CreateComputeProgram) && FailCompilation)
        {
            throw new ShaderCompilationException((string)args![0]!, "compute", "0:1(1): error: injected by the test");
        }

        if (targetMethod.Name == nameof(IGraphicsDevice.CreateStorageBuffer) && BuffersBeforeFailure >= 0 && BuffersBeforeFailure-- == 0)
        {
            throw new GraphicsException("out of memory creating a storage buffer (injected by the test)");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
