using NeuralPost.Core;

namespace NeuralPost.Effects;

/// <summary>Turns a pass's <see cref="InferenceBackend"/> setting into the backend it tries first on a device.</summary>
public static class BackendSelection
{
    /// <summary>
    /// What <see cref="InferenceBackend.Auto"/> picks on a software renderer. The frame benchmark
    /// (<c>bench frame --backend gpu|ort</c>) decides it: whichever backend is faster on llvmpipe at the sample's
    /// sizes. ONNX Runtime until that figure is measured, because its CPU kernels are tuned for the CPU and the
    /// shaders on llvmpipe are not.
    /// </summary>
    public const InferenceBackend SoftwareRendererChoice = InferenceBackend.OnnxRuntime;

    // GL_RENDERER names of CPU implementations: Mesa's llvmpipe and softpipe, Google's SwiftShader.
    private static readonly string[] SoftwareRenderers = ["llvmpipe", "softpipe", "swiftshader"];

    /// <summary>Whether a device description (<see cref="Graphics.IGraphicsDevice.Description"/>) names a software renderer.</summary>
    public static bool IsSoftwareRenderer(string deviceDescription)
    {
        ArgumentNullException.ThrowIfNull(deviceDescription);
        foreach (var name in SoftwareRenderers)
        {
            if (deviceDescription.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The backend to try first: the setting itself unless it is <see cref="InferenceBackend.Auto"/>, which picks
    /// <see cref="InferenceBackend.GpuCompute"/> on a hardware GPU and <see cref="SoftwareRendererChoice"/> on a
    /// software renderer.
    /// </summary>
    public static InferenceBackend Resolve(InferenceBackend setting, string deviceDescription) => setting switch
    {
        InferenceBackend.Auto => IsSoftwareRenderer(deviceDescription) ? SoftwareRendererChoice : InferenceBackend.GpuCompute,
        _ => setting,
    };
}
