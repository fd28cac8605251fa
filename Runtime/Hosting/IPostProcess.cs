using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// A full-screen pass run after the scene is drawn, implemented by a component on the camera's game object.
/// The camera's enabled passes run in component order, each reading the previous pass's output.
/// </summary>
public interface IPostProcess
{
    /// <summary>
    /// The size this pass writes for an input of size <paramref name="input"/>: the input itself for ordinary
    /// effects, <see cref="Camera.OutputSize"/> for an upscaler. Asked every frame before
    /// <see cref="OnRenderImage"/>, so the host can size <c>destination</c>.
    /// </summary>
    Size GetOutputSize(Size input, Camera camera);

    /// <summary>
    /// Reads <paramref name="source"/> and writes all of <paramref name="destination"/>, which has the size
    /// <see cref="GetOutputSize"/> returned. Throwing is survivable: the host substitutes a fallback for this pass
    /// and stops calling it until the component is re-enabled.
    /// </summary>
    void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context);
}
