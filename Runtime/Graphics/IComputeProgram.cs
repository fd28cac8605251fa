namespace NeuralPost.Graphics;

/// <summary>A compute program, run with <see cref="IGraphicsDevice.Dispatch"/>.</summary>
public interface IComputeProgram : IShaderProgram
{
}
