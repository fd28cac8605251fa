using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>An output file's folder or an output folder does not exist or cannot be written.</summary>
internal sealed class OutputPathException(string message) : NeuralPostException(message);
