using System.Numerics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// A closed Catmull-Rom loop around the four streets bounding the 2x2 blocks at the origin, at eye height with gentle
/// sway. The waypoints are spaced evenly along a rounded rectangle, so the uniform spline moves at a near-constant
/// speed and repeats exactly every <see cref="PeriodSeconds"/>.
/// </summary>
internal sealed class CameraPath
{
    public const double PeriodSeconds = 40.0;

    private const int WaypointCount = 48;
    private const float CornerRadius = 10f;
    private const float LookAheadSeconds = 1.2f;

    private readonly Vector3[] _waypoints = new Vector3[WaypointCount];

    public CameraPath()
    {
        var half = StreetGrid.Pitch;
        var straight = 2 * (half - CornerRadius);
        var arc = MathF.PI * CornerRadius / 2;
        var perimeter = 4 * (straight + arc);
        for (var k = 0; k < WaypointCount; k++)
        {
            var s = perimeter * k / WaypointCount;
            var (point, tangent) = RoundedRectangle(s, half, straight, arc);
            var phase = MathF.Tau * s / perimeter;
            // Integer cycles per lap keep the sway periodic; drifting within the lane reads as a driven camera.
            var lateral = 0.9f * MathF.Sin(3 * phase) + 0.4f * MathF.Sin(7 * phase + 1f);
            var height = 2.25f + 0.3f * MathF.Sin(5 * phase) + 0.12f * MathF.Sin(11 * phase + 2f);
            var side = new Vector2(-tangent.Y, tangent.X);
            point += side * lateral;
            _waypoints[k] = new Vector3(point.X, height, point.Y);
        }
    }

    /// <summary>Eye position at <paramref name="timeSeconds"/>; any real time, negative included.</summary>
    public Vector3 Position(double timeSeconds)
    {
        var u = timeSeconds / PeriodSeconds;
        u -= Math.Floor(u);
        var x = u * WaypointCount;
        var segment = Math.Min((int)x, WaypointCount - 1);
        var f = (float)(x - segment);
        return CatmullRom(
            _waypoints[(segment + WaypointCount - 1) % WaypointCount],
            _waypoints[segment],
            _waypoints[(segment + 1) % WaypointCount],
            _waypoints[(segment + 2) % WaypointCount],
            f);
    }

    /// <summary>Where the eye looks at <paramref name="timeSeconds"/>: a little ahead along the path, slightly down.</summary>
    public Vector3 LookTarget(double timeSeconds)
    {
        var here = Position(timeSeconds);
        var ahead = Position(timeSeconds + LookAheadSeconds);
        var direction = ahead - here;
        direction.Y = 0;
        direction = direction.LengthSquared() > 1e-8f ? Vector3.Normalize(direction) : -Vector3.UnitZ;
        var yaw = 0.06f * MathF.Sin((float)(MathF.Tau * 4 * (timeSeconds / PeriodSeconds)));
        direction = Vector3.Transform(direction, Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw));
        return here + direction * 10f + new Vector3(0, -0.45f, 0);
    }

    private static Vector3 CatmullRom(Vector3 p0, Vector3 p1, Vector3 p2, Vector3 p3, float t)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        return 0.5f * ((2 * p1) + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3);
    }

    /// <summary>
    /// The point at arc length <paramref name="s"/> on a rounded square centred on the origin with corners at
    /// ±<paramref name="half"/>, running counter-clockwise seen from above, and its unit tangent (in XZ).
    /// </summary>
    private static (Vector2 Point, Vector2 Tangent) RoundedRectangle(float s, float half, float straight, float arc)
    {
        var edge = straight + arc;
        var side = (int)(s / edge) % 4;
        var along = s - side * edge;
        // Side 0 runs along x = +half towards -z; each later side is that one turned a quarter to the left.
        Vector2 point;
        Vector2 tangent;
        if (along < straight)
        {
            point = new Vector2(half, half - CornerRadius - along);
            tangent = new Vector2(0, -1);
        }
        else
        {
            var angle = (along - straight) / CornerRadius;
            var centre = new Vector2(half - CornerRadius, -half + CornerRadius);
            point = centre + CornerRadius * new Vector2(MathF.Cos(angle), -MathF.Sin(angle));
            tangent = new Vector2(-MathF.Sin(angle), -MathF.Cos(angle));
        }

        var turn = side * MathF.PI / 2;
        return (Rotate(point, turn), Rotate(tangent, turn));
    }

    /// <summary>Rotates counter-clockwise seen from above (+Y), i.e. from +X towards -Z.</summary>
    private static Vector2 Rotate(Vector2 v, float angle)
    {
        var (sin, cos) = MathF.SinCos(angle);
        // In (x, z) coordinates, seen from above with -Z up the page, a left turn maps +X to -Z.
        return new Vector2(v.X * cos + v.Y * sin, -v.X * sin + v.Y * cos);
    }
}
