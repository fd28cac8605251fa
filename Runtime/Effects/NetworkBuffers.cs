using NeuralPost.Imaging;
using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// Input and output tensors for one input size, bound to the network once, so that running it on every tile or
/// frame of that size allocates nothing.
/// </summary>
public sealed class NetworkBuffers : IDisposable
{
    internal NetworkBuffers(int height, int width, int scale, INetworkRunner runner)
    {
        Height = height;
        Width = width;
        Scale = scale;
        // Sizes in 64 bits, checked before allocating: an int product wrapped to a negative or too-small length.
        Input = new float[TensorLimits.CheckBoundTensor(height, width, $"the input of a {width}x{height} tile")];
        Output = new float[TensorLimits.CheckBoundTensor((long)height * scale, (long)width * scale, $"the output of a {width}x{height} tile at x{scale}")];
        Binding = runner.Bind(Input, NchwShape.Rgb(height, width), Output, NchwShape.Rgb(height * scale, width * scale));
    }

    /// <summary>Input height in pixels.</summary>
    public int Height { get; }

    /// <summary>Input width in pixels.</summary>
    public int Width { get; }

    /// <summary>Upscale factor; the output is <c>Height*Scale</c> by <c>Width*Scale</c>.</summary>
    public int Scale { get; }

    /// <summary>Input tensor, NCHW RGB planes in [0,1].</summary>
    public float[] Input { get; }

    /// <summary>Output tensor, NCHW RGB planes, written by <see cref="ImageNetwork.Run(NetworkBuffers)"/>.</summary>
    public float[] Output { get; }

    internal IBoundRun Binding { get; }

    /// <inheritdoc />
    public void Dispose() => Binding.Dispose();
}
