using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// The compute kernels of the frame path on one device: image to tensor, tensor to image (optionally blended with
/// the pass's input) and sharpen. Programs that write images exist per target format, because image load/store
/// must declare the texture's exact format; each is compiled on first use and then reused, so steady-state
/// frames only set uniforms, bind and dispatch.
/// </summary>
internal sealed class FrameKernels : IDisposable
{
    private const int GroupSize = 16; // local_size_x/y of every kernel
    private static readonly int FormatCount = Enum.GetValues<TextureFormat>().Length;

    private readonly IGraphicsDevice _device;
    private readonly IComputeProgram?[] _tensorToImage = new IComputeProgram?[FormatCount];
    private readonly IComputeProgram?[] _tensorToImageBlend = new IComputeProgram?[FormatCount];
    private readonly IComputeProgram?[] _sharpen = new IComputeProgram?[FormatCount];
    private const int CheckGroupSize = 256; // local_size_x of output_check.comp
    private const int CheckGroups = 32;     // a fixed grid: the kernel walks the tensors with a grid stride

    private IComputeProgram? _imageToTensor;
    private IComputeProgram? _checkOutput;
    private IComputeProgram? _resetCheck;

    public FrameKernels(IGraphicsDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    public IGraphicsDevice Device => _device;

    /// <summary>
    /// Writes <paramref name="source"/> into <paramref name="tensor"/> as <paramref name="layout"/> describes, the
    /// border and any padding filled by <paramref name="edgeMode"/>.
    /// </summary>
    public void ImageToTensor(ITexture source, IStorageBuffer tensor, TensorLayout layout, EdgeMode edgeMode = EdgeMode.Replicate)
    {
        var program = _imageToTensor ??= ShaderLibrary.Compile(_device, ShaderLibrary.ImageToTensor);
        program.SetUniform("imageWidth", layout.ImageWidth);
        program.SetUniform("imageHeight", layout.ImageHeight);
        program.SetUniform("tensorWidth", layout.TensorWidth);
        program.SetUniform("tensorHeight", layout.TensorHeight);
        program.SetUniform("planeStride", layout.PlaneStride);
        program.SetUniform("border", layout.Border);
        program.SetUniform("edgeMode", edgeMode == EdgeMode.Wrap ? 1 : 0);
        _device.BindTexture(0, source);
        _device.BindStorageBuffer(0, tensor);
        _device.Dispatch(program, Groups(layout.TensorWidth), Groups(layout.TensorHeight), 1);
    }

    /// <summary>
    /// Writes the image part of <paramref name="tensor"/> into <paramref name="target"/> (the image's size); when
    /// <paramref name="blendSource"/> is given, mixes it with the tensor by <paramref name="strength"/>.
    /// </summary>
    public void TensorToImage(IStorageBuffer tensor, TensorLayout layout, ITexture target, ITexture? blendSource = null,
        float strength = 1f)
    {
        var slot = (int)target.Format;
        IComputeProgram program;
        if (blendSource is null)
        {
            program = _tensorToImage[slot] ??= ShaderLibrary.Compile(
                _device, ShaderLibrary.TensorToImage, "IMAGE_FORMAT " + ShaderLibrary.ImageFormat(target.Format));
        }
        else
        {
            program = _tensorToImageBlend[slot] ??= ShaderLibrary.Compile(
                _device, ShaderLibrary.TensorToImage, "IMAGE_FORMAT " + ShaderLibrary.ImageFormat(target.Format), "BLEND");
            program.SetUniform("strength", strength);
            _device.BindTexture(0, blendSource);
        }

        program.SetUniform("tensorWidth", layout.TensorWidth);
        program.SetUniform("planeStride", layout.PlaneStride);
        program.SetUniform("border", layout.Border);
        _device.BindStorageBuffer(0, tensor);
        _device.BindImage(0, target, ImageAccess.Write);
        _device.Dispatch(program, Groups(target.Width), Groups(target.Height), 1);
    }

    /// <summary>Sharpens <paramref name="source"/> into <paramref name="target"/> (same size, different texture).</summary>
    public void Sharpen(ITexture source, ITexture target, float amount)
    {
        var slot = (int)target.Format;
        var program = _sharpen[slot] ??= ShaderLibrary.Compile(
            _device, ShaderLibrary.Sharpen, "IMAGE_FORMAT " + ShaderLibrary.ImageFormat(target.Format));
        program.SetUniform("amount", amount);
        _device.BindTexture(0, source);
        _device.BindImage(0, target, ImageAccess.Write);
        _device.Dispatch(program, Groups(target.Width), Groups(target.Height), 1);
    }

    /// <summary>
    /// ORs the health flags of a network run (non-finite output, lit input, lit output) into triple
    /// <paramref name="slot"/> of <paramref name="result"/>; see <c>output_check.comp</c>.
    /// </summary>
    public void CheckOutput(IStorageBuffer input, int inputFloats, IStorageBuffer output, int outputFloats,
        IStorageBuffer result, int slot)
    {
        var program = _checkOutput ??= ShaderLibrary.Compile(_device, ShaderLibrary.OutputCheck);
        program.SetUniform("inputCount", inputFloats);
        program.SetUniform("outputCount", outputFloats);
        program.SetUniform("slot", slot);
        _device.BindStorageBuffer(0, input);
        _device.BindStorageBuffer(1, output);
        _device.BindStorageBuffer(2, result);
        _device.Dispatch(program, CheckGroups, 1, 1);
    }

    /// <summary>Zeroes <paramref name="result"/> on the GPU (an upload would count as host traffic).</summary>
    public void ResetCheck(IStorageBuffer result)
    {
        var program = _resetCheck ??= ShaderLibrary.Compile(_device, ShaderLibrary.OutputCheck, "RESET");
        var count = result.ByteSize / sizeof(uint);
        program.SetUniform("resultCount", count);
        _device.BindStorageBuffer(2, result);
        _device.Dispatch(program, (count + CheckGroupSize - 1) / CheckGroupSize, 1, 1);
    }

    public void Dispose()
    {
        _imageToTensor?.Dispose();
        _imageToTensor = null;
        _checkOutput?.Dispose();
        _checkOutput = null;
        _resetCheck?.Dispose();
        _resetCheck = null;
        DisposeAll(_tensorToImage);
        DisposeAll(_tensorToImageBlend);
        DisposeAll(_sharpen);
    }

    private static int Groups(int size) => (size + GroupSize - 1) / GroupSize;

    private static void DisposeAll(IComputeProgram?[] programs)
    {
        for (var i = 0; i < programs.Length; i++)
        {
            programs[i]?.Dispose();
            programs[i] = null;
        }
    }
}
