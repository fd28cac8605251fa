using NeuralPost.Onnx;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Input and output tensors for one input size, pinned and wrapped as <see cref="OrtValue"/>s once, so that
/// running the network on every tile or frame of that size allocates nothing.
/// </summary>
public sealed class TileBuffers : IDisposable
{
    internal TileBuffers(int height, int width, int scale)
    {
        Height = height;
        Width = width;
        Scale = scale;
        Input = new float[3 * height * width];
        Output = new float[3 * height * scale * width * scale];
        InputValue = OrtValue.CreateTensor(Input, [1, 3, height, width]);
        OutputValue = OrtValue.CreateTensor(Output, [1, 3, height * scale, width * scale]);
    }

    /// <summary>Input height in pixels.</summary>
    public int Height { get; }

    /// <summary>Input width in pixels.</summary>
    public int Width { get; }

    /// <summary>Upscale factor; the output is <c>Height*Scale</c> by <c>Width*Scale</c>.</summary>
    public int Scale { get; }

    /// <summary>Input tensor, NCHW RGB planes in [0,1].</summary>
    public float[] Input { get; }

    /// <summary>Output tensor, NCHW RGB planes, written by <see cref="SuperResolutionModel.Run(TileBuffers)"/>.</summary>
    public float[] Output { get; }

    internal OrtValue InputValue { get; }

    internal OrtValue OutputValue { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        InputValue.Dispose();
        OutputValue.Dispose();
    }
}
