namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// The street plan shared by the layout, the camera path and city.frag (which gets these as uniforms): streets run
/// along X and Z through every multiple of <see cref="Pitch"/>, each an asphalt carriageway flanked by pavements.
/// </summary>
internal static class StreetGrid
{
    /// <summary>Distance between parallel street centre lines, in metres.</summary>
    public const float Pitch = 48f;

    /// <summary>Half the asphalt width: two lanes.</summary>
    public const float RoadHalfWidth = 4.5f;

    /// <summary>Half the width from building line to building line.</summary>
    public const float PavementHalfWidth = 7.5f;

    /// <summary>Blocks on each side of the origin along each axis; the city spans ±<c>BlocksPerSide * Pitch</c>.</summary>
    public const int BlocksPerSide = 8;

    /// <summary>Blocks within this many of the origin get street furniture; farther ones are lost in the fog anyway.</summary>
    public const int FurnishedBlocksPerSide = 4;
}
