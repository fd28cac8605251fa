using System.Numerics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class TransformTests
{
    [Test]
    public void LocalToWorldScalesThenRotatesThenTranslates()
    {
        var transform = new GameObject().Transform;
        transform.Scale = new Vector3(2, 2, 2);
        transform.Rotation = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI / 2);
        transform.Position = new Vector3(10, 0, 0);

        var point = Vector3.Transform(Vector3.UnitX, transform.LocalToWorld);
        Assert.Multiple(() =>
        {
            Assert.That(point.X, Is.EqualTo(10f).Within(1e-5f));
            Assert.That(point.Z, Is.EqualTo(-2f).Within(1e-5f));
        });
    }

    [Test]
    public void LookAtPointsForwardAtTheTargetAndKeepsABasis()
    {
        var transform = new GameObject().Transform;
        transform.Position = new Vector3(1, 1, 1);
        foreach (var target in new[] { new Vector3(4, 5, 1), new Vector3(1, 9, 1), new Vector3(1, -3, 1) })
        {
            transform.LookAt(target);
            var expected = Vector3.Normalize(target - transform.Position);
            Assert.Multiple(() =>
            {
                Assert.That(Vector3.Distance(transform.Forward, expected), Is.LessThan(1e-5f), $"looking at {target}");
                Assert.That(Vector3.Dot(transform.Right, transform.Up), Is.EqualTo(0f).Within(1e-5f));
                Assert.That(Vector3.Distance(Vector3.Cross(transform.Right, transform.Up), -transform.Forward), Is.LessThan(1e-5f), "right-handed");
            });
        }
    }

    [Test]
    public void DefaultOrientationLooksDownMinusZ()
    {
        var transform = new GameObject().Transform;
        Assert.Multiple(() =>
        {
            Assert.That(transform.Forward, Is.EqualTo(-Vector3.UnitZ));
            Assert.That(transform.Right, Is.EqualTo(Vector3.UnitX));
            Assert.That(transform.Up, Is.EqualTo(Vector3.UnitY));
        });
    }
}
