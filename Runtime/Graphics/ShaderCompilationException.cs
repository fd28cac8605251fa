namespace NeuralPost.Graphics;

/// <summary>A shader failed to compile or a program failed to link; the message holds the driver's log in one line.</summary>
public sealed class ShaderCompilationException : GraphicsException
{
    /// <summary>Creates an exception for the named shader with the driver's log.</summary>
    public ShaderCompilationException(string shaderName, string stage, string log)
        : base($"Shader '{shaderName}' ({stage}) failed: {Flatten(log)}")
    {
        ShaderName = shaderName;
        Stage = stage;
        Log = log;
    }

    /// <summary>Name the caller gave the shader, usually its file name.</summary>
    public string ShaderName { get; }

    /// <summary>Which step failed: a stage name such as <c>compute</c>, or <c>link</c>.</summary>
    public string Stage { get; }

    /// <summary>The driver's log as it gave it, line breaks included.</summary>
    public string Log { get; }

    // Front ends print exception messages on one line, so the multi-line driver log is joined.
    private static string Flatten(string log) =>
        string.Join(" | ", log.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
