using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// Loads the scene's GLSL from the assembly's embedded resources. Fragment shaders share lighting, sky and fog by
/// being appended to <c>atmosphere.frag</c>, which carries the <c>#version</c> line.
/// </summary>
internal static class SceneShaders
{
    public static IGraphicsProgram CreateCity(IGraphicsDevice device) =>
        device.CreateGraphicsProgram("FoggyStreets city", Load("city.vert"), Load("atmosphere.frag") + Load("city.frag"));

    public static IGraphicsProgram CreateSky(IGraphicsDevice device) =>
        device.CreateGraphicsProgram("FoggyStreets sky", Load("sky.vert"), Load("atmosphere.frag") + Load("sky.frag"));

    private static string Load(string file)
    {
        var name = "Scene/" + file;
        using var stream = typeof(SceneShaders).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded shader {name} is missing from {typeof(SceneShaders).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd() + "\n";
    }
}
