namespace NeuralPost.Graphics;

/// <summary>The keys the sample viewer reacts to; windows report only these.</summary>
public enum WindowKey
{
    /// <summary>The 1 key on the main row.</summary>
    Digit1,

    /// <summary>The 2 key on the main row.</summary>
    Digit2,

    /// <summary>The 3 key on the main row.</summary>
    Digit3,

    /// <summary>The 4 key on the main row.</summary>
    Digit4,

    /// <summary>The 5 key on the main row.</summary>
    Digit5,

    /// <summary>The H key.</summary>
    H,

    /// <summary>The space bar.</summary>
    Space,

    /// <summary>The F12 key.</summary>
    F12,

    /// <summary>The Escape key.</summary>
    Escape,
}
