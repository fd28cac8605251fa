namespace NeuralPost.Graphics;

/// <summary>A vertex + fragment program, used with <see cref="IGraphicsDevice.DrawIndexed"/>.</summary>
public interface IGraphicsProgram : IShaderProgram
{
}
