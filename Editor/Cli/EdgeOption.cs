using System.CommandLine;
using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>The <c>--edge replicate|wrap</c> option of the commands that run a network on an image file.</summary>
internal static class EdgeOption
{
    private const string Replicate = "replicate";
    private const string Wrap = "wrap";

    public static Option<string> Create() =>
        new Option<string>("--edge")
        {
            Description = $"What the network sees past the image's edges: {Replicate} (the edge pixels repeated) or {Wrap} (the opposite edge, keeps tileable textures tileable)",
            DefaultValueFactory = _ => Replicate,
        }.AcceptOnlyFromAmong(Replicate, Wrap);

    public static EdgeMode Parse(string? value) => value == Wrap ? EdgeMode.Wrap : EdgeMode.Replicate;
}
