namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>Where the sample puts the dehaze pass relative to the upscaler; fixed when the sample is created.</summary>
public enum DehazePlacement
{
    /// <summary>After the upscaler, on output-resolution frames (e.g. 960x540): the default.</summary>
    Output,

    /// <summary>Before the upscaler, on render-resolution frames (e.g. 480x270 for Performance at 960x540).</summary>
    Render,
}
