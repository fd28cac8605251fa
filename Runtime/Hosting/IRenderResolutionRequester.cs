using NeuralPost.Core;

namespace NeuralPost.Hosting;

/// <summary>
/// Implemented by a component on a camera's game object that wants the camera to render at a particular size,
/// as an upscaler wants its tier's render resolution.
/// </summary>
public interface IRenderResolutionRequester
{
    /// <summary>
    /// Returns true with the wanted size, or false to leave the decision to the camera. Must not read
    /// <see cref="Camera.RenderResolution"/>, which calls this; <see cref="Camera.OutputSize"/> is the input to use.
    /// </summary>
    bool TryGetRenderResolution(Camera camera, out Size renderResolution);
}
