namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>Where the sample puts the dehaze pass relative to the upscaler; fixed when the sample is created.</summary>
/// <remarks>
/// Render is the default: on held-out rendered pairs it scores higher (the network was trained on native-resolution
/// frames, not upscaled ones, and the upscaler was trained on clear images) and costs a quarter of the pixels at
/// Performance (<c>./neuralpost eval --dehaze --model dehaze --upscaler imdn-rtc-x2 --set PAIRS</c> and
/// <c>./neuralpost bench frame</c> measure both).
/// </remarks>
public enum DehazePlacement
{
    /// <summary>Before the upscaler, on render-resolution frames (e.g. 480x270 for Performance at 960x540): the default.</summary>
    Render,

    /// <summary>After the upscaler, on output-resolution frames (e.g. 960x540).</summary>
    Output,
}
