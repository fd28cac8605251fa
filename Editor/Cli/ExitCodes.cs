namespace NeuralPost.Editor.Cli;

/// <summary>Process exit codes of the <c>neuralpost</c> CLI.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A NeuralPost error: bad input file, model, native library, provider.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected exception: a bug, reported in one line (with the stack under --verbose).</summary>
    public const int InternalError = 70;
}
