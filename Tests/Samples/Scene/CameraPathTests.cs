using System.Numerics;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Tests.Samples.Scene;

internal sealed class CameraPathTests
{
    private readonly CameraPath _path = new();

    [Test]
    public void ThePathIsContinuousAndStaysInTheStreetsAtEyeHeight()
    {
        var previous = _path.Position(0);
        var longestStep = 0f;
        for (var k = 1; k <= (int)(CameraPath.PeriodSeconds * 100); k++)
        {
            var position = _path.Position(k * 0.01);
            longestStep = Math.Max(longestStep, Vector3.Distance(position, previous));
            previous = position;

            var offStreet = Vector2.Abs(new Vector2(position.X, position.Z)
                - StreetGrid.Pitch * new Vector2(MathF.Round(position.X / StreetGrid.Pitch), MathF.Round(position.Z / StreetGrid.Pitch)));
            Assert.That(Math.Min(offStreet.X, offStreet.Y), Is.LessThan(StreetGrid.RoadHalfWidth - 0.5f), $"on the asphalt, clear of the kerb, at {k * 0.01:0.00} s");
            Assert.That(position.Y, Is.InRange(1.7f, 3f), $"eye height at {k * 0.01:0.00} s");
        }

        // About 9 m/s: a hundredth of a second moves the eye a few centimetres, never a jump.
        Assert.That(longestStep, Is.LessThan(0.2f));
    }

    [TestCase(0.0)]
    [TestCase(7.25)]
    [TestCase(-3.5)]
    public void ThePathRepeatsEveryPeriod(double seconds)
    {
        var here = _path.Position(seconds);
        var lapLater = _path.Position(seconds + CameraPath.PeriodSeconds);
        var targetHere = _path.LookTarget(seconds);
        var targetLapLater = _path.LookTarget(seconds + CameraPath.PeriodSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(Vector3.Distance(here, lapLater), Is.LessThan(1e-3f));
            Assert.That(Vector3.Distance(targetHere, targetLapLater), Is.LessThan(1e-3f));
        });
    }

    [Test]
    public void TheEyeLooksAheadAlongTheRoad()
    {
        for (var t = 0.0; t < CameraPath.PeriodSeconds; t += 0.5)
        {
            var motion = _path.Position(t + 0.05) - _path.Position(t);
            var gaze = _path.LookTarget(t) - _path.Position(t);
            var cosine = Vector3.Dot(Vector3.Normalize(motion), Vector3.Normalize(gaze));
            Assert.That(cosine, Is.GreaterThan(0.8f), $"looking roughly where it goes at {t} s");
        }
    }
}
