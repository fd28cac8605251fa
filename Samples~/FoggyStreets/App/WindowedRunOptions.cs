namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>How long a windowed run lasts and what it saves.</summary>
public sealed record WindowedRunOptions
{
    /// <summary>Frames to run before exiting on its own; 0 runs until the window is closed or Escape is pressed.</summary>
    public int Frames { get; init; }

    /// <summary>
    /// When set, the window's back buffer is saved here as PNG after <see cref="FramesBeforeScreenshot"/> frames and
    /// the run ends; frames then advance at a fixed step so the picture is the same on every machine.
    /// </summary>
    public string? ScreenshotPath { get; init; }

    /// <summary>Frames rendered before <see cref="ScreenshotPath"/> is taken (the last of them is the one saved).</summary>
    public int FramesBeforeScreenshot { get; init; } = 60;

    /// <summary>Folder F12 screenshots go to, as <c>neuralpost-FRAME.png</c>.</summary>
    public string ScreenshotDirectory { get; init; } = "screenshots";
}
