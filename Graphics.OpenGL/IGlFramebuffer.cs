namespace NeuralPost.Graphics.OpenGL;

/// <summary>Something draws, clears, blits and readbacks can address as a GL framebuffer (0 = the window).</summary>
internal interface IGlFramebuffer : IRenderTarget
{
    /// <summary>The framebuffer name.</summary>
    uint FramebufferId { get; }

    /// <summary>Whether the framebuffer has depth to clear.</summary>
    bool HasDepthBuffer { get; }
}
