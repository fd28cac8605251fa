using System.Numerics;
using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// A view of the scene. The world renders it at <see cref="RenderResolution"/>, runs the post-processes on its
/// object, and writes <see cref="OutputSize"/> pixels to <see cref="TargetTexture"/> or, when that is null, to the
/// display. Cameras render in ascending <see cref="Depth"/>, ties in the order they were added.
/// </summary>
public sealed class Camera : Component
{
    private Size _displaySize = new(1920, 1080);
    private float _renderScale = 1f;
    private float _fieldOfView = 60f;
    private float _near = 0.1f;
    private float _far = 1000f;

    /// <summary>
    /// Size of the display this camera presents to. The world sets it from the display target every frame; set it
    /// yourself only to query sizes before the first frame (the default is 1920x1080).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    public Size DisplaySize
    {
        get => _displaySize;
        set => _displaySize = value.IsPositive
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the display size must be positive");
    }

    /// <summary>Render target to draw into instead of the display, or null for the display.</summary>
    public IRenderTarget? TargetTexture { get; set; }

    /// <summary>The size of the final image: <see cref="TargetTexture"/>'s, or <see cref="DisplaySize"/>.</summary>
    public Size OutputSize => TargetTexture is { } target ? new Size(target.Width, target.Height) : _displaySize;

    /// <summary>
    /// Render size as a fraction of <see cref="OutputSize"/> per axis, in (0, 4], used when no component requests
    /// a size; above 1 supersamples.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 4] or NaN.</exception>
    public float RenderScale
    {
        get => _renderScale;
        set => _renderScale = value > 0f && value <= 4f
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the render scale must be in (0, 4]");
    }

    /// <summary>
    /// The size the scene is drawn at. The first active and enabled <see cref="IRenderResolutionRequester"/> on this
    /// object that returns a positive size decides it (first in component order, so the pass that will consume the
    /// scene image, normally the upscaler placed first, chooses); otherwise <see cref="OutputSize"/> times
    /// <see cref="RenderScale"/>, floored, at least 1x1.
    /// </summary>
    public Size RenderResolution
    {
        get
        {
            foreach (var component in GameObject.ComponentList)
            {
                if (component.IsActiveAndEnabled && component is IRenderResolutionRequester requester
                    && requester.TryGetRenderResolution(this, out var requested) && requested.IsPositive)
                {
                    return requested;
                }
            }

            var output = OutputSize;
            return new Size(
                Math.Max(1, (int)(output.Width * _renderScale)),
                Math.Max(1, (int)(output.Height * _renderScale)));
        }
    }

    /// <summary>Vertical field of view in degrees, in (0, 180).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 180) or NaN.</exception>
    public float FieldOfView
    {
        get => _fieldOfView;
        set => _fieldOfView = value > 0f && value < 180f
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the field of view must be in (0, 180) degrees");
    }

    /// <summary>Distance to the near clip plane; positive and less than <see cref="FarClipPlane"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or not less than the far plane.</exception>
    public float NearClipPlane
    {
        get => _near;
        set => _near = value > 0f && value < _far
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the near plane must be positive and closer than the far plane");
    }

    /// <summary>Distance to the far clip plane; greater than <see cref="NearClipPlane"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not beyond the near plane or not finite.</exception>
    public float FarClipPlane
    {
        get => _far;
        set => _far = value > _near && float.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the far plane must be finite and beyond the near plane");
    }

    /// <summary>Linear RGBA the scene renderer clears to.</summary>
    public Vector4 ClearColor { get; set; } = new(0f, 0f, 0f, 1f);

    /// <summary>Format of the scene and intermediate targets; half float by default so HDR survives post-processing.</summary>
    public TextureFormat ColorFormat { get; set; } = TextureFormat.Rgba16F;

    /// <summary>Render order among cameras: lower first, so a higher camera can draw over a lower one's output.</summary>
    public int Depth { get; set; }

    /// <summary>World-to-view matrix from the transform's position and orientation (scale ignored).</summary>
    public Matrix4x4 ViewMatrix
    {
        get
        {
            var transform = Transform;
            return Matrix4x4.CreateLookAt(transform.Position, transform.Position + transform.Forward, transform.Up);
        }
    }

    /// <summary>
    /// Perspective projection (OpenGL-style right-handed, depth to [0, 1] as System.Numerics defines it) whose aspect
    /// is that of <see cref="RenderResolution"/>, the size the scene is actually rasterised at.
    /// </summary>
    public Matrix4x4 ProjectionMatrix
    {
        get
        {
            var render = RenderResolution;
            return Matrix4x4.CreatePerspectiveFieldOfView(
                _fieldOfView * (MathF.PI / 180f), (float)render.Width / render.Height, _near, _far);
        }
    }
}
