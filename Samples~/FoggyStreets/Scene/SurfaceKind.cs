namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>How city.frag shades a surface; stored per vertex as a float, so the values must match the shader's.</summary>
internal enum SurfaceKind
{
    /// <summary>Streets, pavements and block interiors, patterned from the world position.</summary>
    Ground = 0,

    /// <summary>Building walls with procedural windows, and roofs.</summary>
    Building = 1,

    /// <summary>Plain lit vertex colour: trees, poles, cars.</summary>
    Plain = 2,

    /// <summary>Self-lit: lamp heads, car lights.</summary>
    Emissive = 3,
}
