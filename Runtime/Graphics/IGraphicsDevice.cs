using System.Numerics;

namespace NeuralPost.Graphics;

/// <summary>
/// The GPU as the post-processing passes and the sample scene use it: resources, compute dispatch, minimal
/// indexed drawing, blits, fences, timers and asynchronous readback. Commands run on the device's thread only;
/// a device is not thread-safe. Resources it creates must be disposed before the device.
/// </summary>
public interface IGraphicsDevice : IRenderTargetAllocator, IDisposable
{
    /// <summary>Vendor, renderer and API version, e.g. <c>Mesa llvmpipe (LLVM 15…) OpenGL 4.5 (Core Profile)</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The host&lt;-&gt;device bytes this device has moved so far (uploads, readbacks, buffer maps). Reading it is a
    /// few field loads, cheap enough to take around every pass of every frame.
    /// </summary>
    TransferCounters Transfers { get; }

    /// <summary>Whether <see cref="CreateTimer"/> timers measure anything on this device.</summary>
    bool SupportsTimerQueries { get; }

    /// <summary>Creates an uninitialised texture.</summary>
    ITexture CreateTexture(int width, int height, TextureFormat format);

    /// <summary>Creates a render target whose colour texture is exposed; see <see cref="IRenderTargetAllocator.CreateRenderTarget"/>.</summary>
    ITextureRenderTarget CreateTextureRenderTarget(int width, int height, TextureFormat format, bool withDepth);

    /// <summary>Creates a zero-filled storage buffer of <paramref name="byteSize"/> bytes.</summary>
    IStorageBuffer CreateStorageBuffer(int byteSize);

    /// <summary>Compiles and links a compute program; throws <see cref="ShaderCompilationException"/> on errors.</summary>
    IComputeProgram CreateComputeProgram(string name, string source);

    /// <summary>Compiles and links a vertex + fragment program; throws <see cref="ShaderCompilationException"/> on errors.</summary>
    IGraphicsProgram CreateGraphicsProgram(string name, string vertexSource, string fragmentSource);

    /// <summary>
    /// Uploads an indexed triangle mesh. <paramref name="vertices"/> holds <paramref name="strideInFloats"/> floats
    /// per vertex, read through <paramref name="attributes"/>.
    /// </summary>
    IMesh CreateMesh(ReadOnlySpan<float> vertices, int strideInFloats, ReadOnlySpan<uint> indices, ReadOnlySpan<VertexAttribute> attributes);

    /// <summary>Creates a readback staging buffer of <paramref name="byteSize"/> bytes.</summary>
    IReadbackBuffer CreateReadbackBuffer(int byteSize);

    /// <summary>Creates a GPU timer.</summary>
    IGpuTimer CreateTimer();

    /// <summary>Inserts a fence after the commands issued so far.</summary>
    IFence InsertFence();

    /// <summary>Binds a storage buffer to <c>layout(std430, binding = N)</c> for dispatches and draws.</summary>
    void BindStorageBuffer(int binding, IStorageBuffer buffer);

    /// <summary>Binds a texture as a storage image to <c>layout(binding = N)</c>; its format is the image format.</summary>
    void BindImage(int unit, ITexture texture, ImageAccess access);

    /// <summary>Binds a texture for sampling to texture unit <paramref name="unit"/>.</summary>
    void BindTexture(int unit, ITexture texture);

    /// <summary>
    /// Runs <paramref name="program"/> over the given work-group counts, then orders its writes before any later
    /// shader, sampler, blit, copy or readback use of the buffers and images it wrote.
    /// </summary>
    void Dispatch(IComputeProgram program, int groupsX, int groupsY, int groupsZ);

    /// <summary>Directs draws and clears into <paramref name="target"/> and sets the viewport to all of it.</summary>
    void SetRenderTarget(IRenderTarget target);

    /// <summary>Limits drawing to a rectangle of the current target (origin bottom-left).</summary>
    void SetViewport(int x, int y, int width, int height);

    /// <summary>Turns less-than depth testing and depth writes on or off for draws.</summary>
    void SetDepthTest(bool enabled);

    /// <summary>Clears the current target's colour and, if it has one, its depth.</summary>
    void Clear(Vector4 color, float depth = 1f);

    /// <summary>Draws <paramref name="indexCount"/> indices of <paramref name="mesh"/> (all when negative) as triangles.</summary>
    void DrawIndexed(IGraphicsProgram program, IMesh mesh, int indexCount = -1);

    /// <summary>Copies all of <paramref name="source"/>'s colour onto all of <paramref name="destination"/>, scaling with <paramref name="filter"/>.</summary>
    void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter);

    /// <summary>Submits queued commands to the GPU without waiting for them.</summary>
    void Flush();

    /// <summary>Waits until the GPU has finished all commands issued so far.</summary>
    void Finish();
}
