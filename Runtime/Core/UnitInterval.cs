namespace NeuralPost.Core;

/// <summary>Validation of settings that are fractions in [0, 1].</summary>
internal static class UnitInterval
{
    /// <summary>
    /// Returns <paramref name="value"/> when it lies in [0, 1]. Throws rather than clamps: a value outside the range
    /// means the caller's slider mapping is wrong, and NaN would otherwise flow silently into a shader.
    /// </summary>
    public static float Require(float value, string paramName)
    {
        if (!(value >= 0f && value <= 1f))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "must be between 0 and 1");
        }

        return value;
    }
}
