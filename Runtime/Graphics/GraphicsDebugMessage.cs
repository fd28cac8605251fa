namespace NeuralPost.Graphics;

/// <summary>How serious a driver debug message is.</summary>
public enum GraphicsDebugSeverity
{
    /// <summary>Informational chatter.</summary>
    Notification,

    /// <summary>Minor performance or portability note.</summary>
    Low,

    /// <summary>Likely performance problem or undefined behaviour.</summary>
    Medium,

    /// <summary>An API error or behaviour that will break rendering.</summary>
    High,
}
