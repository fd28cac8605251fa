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

    /// <summary>
    /// Whether the pass would change the image this frame (URP asks a volume component's <c>IsActive()</c> the same
    /// way): the pipeline skips a pass that says false, so a disabled effect costs no target and no copy. Asked
    /// once per frame before <see cref="GetOutputSize"/>; an inactive pass must not resize the image. Passes that
    /// always work need not implement it.
    /// </summary>
    bool IsActive() => true;
}
