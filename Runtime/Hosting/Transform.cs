using System.Numerics;

namespace NeuralPost.Hosting;

/// <summary>
/// Position, rotation and scale of a game object. Right-handed with -Z forward and +Y up, the OpenGL and
/// System.Numerics convention (Unity's is left-handed, +Z forward). Objects have no parents: a post-processing
/// host needs camera placement, not a scene graph, so local and world space coincide.
/// </summary>
public sealed class Transform
{
    private Quaternion _rotation = Quaternion.Identity;

    internal Transform()
    {
    }

    /// <summary>Position in world space.</summary>
    public Vector3 Position { get; set; }

    /// <summary>Orientation; normalised on set so accumulated rotations do not drift into a scaling.</summary>
    /// <exception cref="ArgumentException">The quaternion has zero length.</exception>
    public Quaternion Rotation
    {
        get => _rotation;
        set
        {
            var length = value.Length();
            if (!(length > 0f) || float.IsInfinity(length))
            {
                throw new ArgumentException("a rotation must be a finite non-zero quaternion", nameof(value));
            }

            _rotation = Quaternion.Normalize(value);
        }
    }

    /// <summary>Scale along the object's own axes.</summary>
    public Vector3 Scale { get; set; } = Vector3.One;

    /// <summary>Object-to-world matrix, row-vector convention: scale, then rotate, then translate.</summary>
    public Matrix4x4 LocalToWorld =>
        Matrix4x4.CreateScale(Scale) * Matrix4x4.CreateFromQuaternion(_rotation) * Matrix4x4.CreateTranslation(Position);

    /// <summary>Unit vector the object looks along (its -Z axis).</summary>
    public Vector3 Forward => Vector3.Transform(-Vector3.UnitZ, _rotation);

    /// <summary>Unit vector to the object's right (its +X axis).</summary>
    public Vector3 Right => Vector3.Transform(Vector3.UnitX, _rotation);

    /// <summary>Unit vector above the object (its +Y axis).</summary>
    public Vector3 Up => Vector3.Transform(Vector3.UnitY, _rotation);

    /// <summary>Turns the object to look at <paramref name="target"/> with world +Y as up.</summary>
    public void LookAt(Vector3 target) => LookAt(target, Vector3.UnitY);

    /// <summary>
    /// Turns the object so <see cref="Forward"/> points at <paramref name="target"/> and <see cref="Up"/> leans
    /// towards <paramref name="worldUp"/>. Does nothing when the target is the object's own position; when the
    /// direction is parallel to <paramref name="worldUp"/>, another up is chosen so the result is still a rotation.
    /// </summary>
    public void LookAt(Vector3 target, Vector3 worldUp)
    {
        var direction = target - Position;
        if (direction.LengthSquared() < 1e-12f)
        {
            return;
        }

        direction = Vector3.Normalize(direction);
        if (worldUp.LengthSquared() < 1e-12f || MathF.Abs(Vector3.Dot(direction, Vector3.Normalize(worldUp))) > 0.9999f)
        {
            worldUp = MathF.Abs(direction.Y) < 0.9f ? Vector3.UnitY : Vector3.UnitZ;
        }

        Rotation = Quaternion.CreateFromRotationMatrix(Matrix4x4.CreateWorld(Vector3.Zero, direction, worldUp));
    }
}
