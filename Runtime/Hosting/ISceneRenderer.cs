using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// The application's own renderer: draws the scene as one camera sees it. NeuralPost only decides where and at
/// what size; what is drawn is the game's business.
/// </summary>
public interface ISceneRenderer
{
    /// <summary>
    /// Clears <paramref name="target"/> to <see cref="Camera.ClearColor"/> and draws the scene with the camera's
    /// view and projection. The target is at <see cref="Camera.RenderResolution"/> and has a depth buffer.
    /// </summary>
    void Render(Camera camera, IRenderTarget target, FrameTime time);
}
