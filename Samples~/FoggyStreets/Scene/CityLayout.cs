using System.Numerics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>Builds the seeded city: block buildings with rooftop clutter, parks, and street furniture along the kerbs.</summary>
internal static class CityLayout
{
    private static readonly Vector3[] WallColors =
    [
        new(0.62f, 0.58f, 0.52f), // sandstone
        new(0.55f, 0.33f, 0.26f), // brick
        new(0.70f, 0.70f, 0.68f), // concrete
        new(0.48f, 0.50f, 0.55f), // blue-grey render
        new(0.78f, 0.72f, 0.60f), // cream
        new(0.40f, 0.38f, 0.36f), // dark stone
    ];

    private static readonly Vector3[] CarColors =
    [
        new(0.60f, 0.08f, 0.07f),
        new(0.10f, 0.18f, 0.45f),
        new(0.72f, 0.72f, 0.70f),
        new(0.12f, 0.12f, 0.13f),
        new(0.55f, 0.56f, 0.58f),
        new(0.80f, 0.62f, 0.10f),
    ];

    /// <summary>Everything but the ground, which is one procedural quad.</summary>
    public static MeshBuilder BuildStructures(int seed)
    {
        var mesh = new MeshBuilder();
        var random = new SplitMix(seed);
        // Rings of blocks outwards from the camera's loop at the centre: drawn in this order, near buildings fill
        // the depth buffer first and hide far ones before their fog is shaded, which is most of a frame's cost.
        for (var ring = 0; ring < StreetGrid.BlocksPerSide; ring++)
        {
            foreach (var (i, j) in Ring(ring))
            {
                var min = new Vector2(i * StreetGrid.Pitch + StreetGrid.PavementHalfWidth, j * StreetGrid.Pitch + StreetGrid.PavementHalfWidth);
                var max = new Vector2((i + 1) * StreetGrid.Pitch - StreetGrid.PavementHalfWidth, (j + 1) * StreetGrid.Pitch - StreetGrid.PavementHalfWidth);
                var furnished = ring < StreetGrid.FurnishedBlocksPerSide;
                if (random.Chance(0.1f))
                {
                    AddPark(mesh, ref random, min, max);
                }
                else
                {
                    AddBuildings(mesh, ref random, min, max);
                }

                if (furnished)
                {
                    AddKerbside(mesh, ref random, min, max);
                }
            }
        }

        return mesh;
    }

    /// <summary>Blocks (i, j) whose farther corner from the origin is <paramref name="ring"/> + 1 blocks out.</summary>
    private static IEnumerable<(int I, int J)> Ring(int ring)
    {
        for (var i = -ring - 1; i <= ring; i++)
        {
            for (var j = -ring - 1; j <= ring; j++)
            {
                if (Math.Max(Math.Max(-i - 1, i), Math.Max(-j - 1, j)) == ring)
                {
                    yield return (i, j);
                }
            }
        }
    }

    /// <summary>A quad far larger than the city so the horizon is ground, not the clear colour.</summary>
    public static MeshBuilder BuildGround()
    {
        const float extent = 3000f;
        var mesh = new MeshBuilder();
        mesh.AddQuad(
            new(-extent, 0, extent), new(extent, 0, extent), new(extent, 0, -extent), new(-extent, 0, -extent),
            Vector3.UnitY, Vector3.One, SurfaceKind.Ground);
        return mesh;
    }

    private static void AddBuildings(MeshBuilder mesh, ref SplitMix random, Vector2 min, Vector2 max)
    {
        var columns = 1 + (int)(random.NextFloat() * 3);
        var rows = 1 + (int)(random.NextFloat() * 3);
        var size = (max - min) / new Vector2(columns, rows);
        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                var lotMin = min + size * new Vector2(c, r);
                var lotMax = lotMin + size;
                // Street fronts stay on the building line; only sides facing other lots step back, opening alleys.
                var inset = new Vector4(
                    c == 0 ? 0 : random.Range(0f, 1.5f),
                    r == 0 ? 0 : random.Range(0f, 1.5f),
                    c == columns - 1 ? 0 : random.Range(0f, 1.5f),
                    r == rows - 1 ? 0 : random.Range(0f, 1.5f));
                var height = random.Chance(0.08f) ? random.Range(45f, 85f) : random.Range(7f, 30f);
                var color = WallColors[(int)(random.NextFloat() * WallColors.Length)] * random.Range(0.85f, 1.1f);
                var footMin = new Vector3(lotMin.X + inset.X, 0, lotMin.Y + inset.Y);
                var footMax = new Vector3(lotMax.X - inset.Z, height, lotMax.Y - inset.W);
                mesh.AddBox(footMin, footMax, color, SurfaceKind.Building);
                AddRooftop(mesh, ref random, footMin, footMax);
            }
        }
    }

    private static void AddRooftop(MeshBuilder mesh, ref SplitMix random, Vector3 min, Vector3 max)
    {
        var footprint = new Vector2(max.X - min.X, max.Z - min.Z);
        if (footprint.X < 6 || footprint.Y < 6 || !random.Chance(0.6f))
        {
            return;
        }

        var boxSize = new Vector3(random.Range(1.5f, 4f), random.Range(1.2f, 3.5f), random.Range(1.5f, 4f));
        var corner = new Vector3(
            random.Range(min.X + 1, max.X - 1 - boxSize.X), max.Y, random.Range(min.Z + 1, max.Z - 1 - boxSize.Z));
        mesh.AddBox(corner, corner + boxSize, new Vector3(0.45f, 0.45f, 0.47f), SurfaceKind.Plain);
    }

    private static void AddPark(MeshBuilder mesh, ref SplitMix random, Vector2 min, Vector2 max)
    {
        var count = 6 + (int)(random.NextFloat() * 8);
        for (var k = 0; k < count; k++)
        {
            var position = new Vector2(random.Range(min.X + 2, max.X - 2), random.Range(min.Y + 2, max.Y - 2));
            AddTree(mesh, ref random, new Vector3(position.X, 0, position.Y), random.Range(1.2f, 1.6f));
        }
    }

    /// <summary>Lamps, trees and parked cars along the four pavements and kerb lanes around one block.</summary>
    private static void AddKerbside(MeshBuilder mesh, ref SplitMix random, Vector2 min, Vector2 max)
    {
        const float kerbToBuilding = StreetGrid.PavementHalfWidth - StreetGrid.RoadHalfWidth;
        for (var side = 0; side < 4; side++)
        {
            // Each side is a line along the block edge, with "outward" pointing into the street.
            var alongX = side < 2;
            var edge = side switch { 0 => min.Y, 1 => max.Y, 2 => min.X, _ => max.X };
            var outward = side is 0 or 2 ? -1f : 1f;
            var start = (alongX ? min.X : min.Y) + 3f;
            var end = (alongX ? max.X : max.Y) - 3f;
            var kerb = edge + outward * kerbToBuilding;

            for (var s = start; s < end; s += 6f)
            {
                var slot = (int)((s - start) / 6f);
                var roll = random.NextFloat();
                if (slot % 4 == 1)
                {
                    AddLamp(mesh, Point(alongX, s, kerb - outward * 0.5f), outward, alongX);
                }
                else if (roll < 0.55f)
                {
                    AddTree(mesh, ref random, Point(alongX, s, edge + outward * 1.4f), random.Range(0.8f, 1.1f));
                }

                if (random.Chance(0.45f) && s > start && s + 5f < end)
                {
                    AddCar(mesh, ref random, alongX, s + 2.5f, kerb + outward * 1.1f);
                }
            }
        }
    }

    private static Vector3 Point(bool alongX, float along, float across) =>
        alongX ? new Vector3(along, 0, across) : new Vector3(across, 0, along);

    private static void AddLamp(MeshBuilder mesh, Vector3 foot, float outward, bool alongX)
    {
        var grey = new Vector3(0.22f, 0.23f, 0.25f);
        mesh.AddBox(foot + new Vector3(-0.08f, 0, -0.08f), foot + new Vector3(0.08f, 6.2f, 0.08f), grey, SurfaceKind.Plain);
        var reach = alongX ? new Vector3(0, 0, outward * 1.4f) : new Vector3(outward * 1.4f, 0, 0);
        var armMin = Vector3.Min(foot, foot + reach) + new Vector3(-0.05f, 6.05f, -0.05f);
        var armMax = Vector3.Max(foot, foot + reach) + new Vector3(0.05f, 6.15f, 0.05f);
        mesh.AddBox(armMin, armMax, grey, SurfaceKind.Plain);
        var head = foot + reach;
        mesh.AddBox(head + new Vector3(-0.25f, 5.85f, -0.25f), head + new Vector3(0.25f, 6.05f, 0.25f), new Vector3(1f, 0.85f, 0.6f), SurfaceKind.Emissive);
    }

    private static void AddTree(MeshBuilder mesh, ref SplitMix random, Vector3 foot, float scale)
    {
        var trunk = new Vector3(0.30f, 0.22f, 0.15f);
        var leaves = new Vector3(0.18f, 0.32f, 0.12f) * random.Range(0.8f, 1.2f);
        mesh.AddBox(foot + new Vector3(-0.15f, 0, -0.15f) * scale, foot + new Vector3(0.15f, 2.4f, 0.15f) * scale, trunk, SurfaceKind.Plain);
        mesh.AddCone(foot + new Vector3(0, 1.8f * scale, 0), 1.7f * scale, 3.2f * scale, 6, leaves, SurfaceKind.Plain);
        mesh.AddCone(foot + new Vector3(0, 3.4f * scale, 0), 1.2f * scale, 2.6f * scale, 6, leaves * 1.1f, SurfaceKind.Plain);
    }

    private static void AddCar(MeshBuilder mesh, ref SplitMix random, bool alongX, float along, float across)
    {
        var color = CarColors[(int)(random.NextFloat() * CarColors.Length)];
        var length = random.Range(3.8f, 4.8f);
        var halfLength = length / 2;
        Vector3 Size(float l, float w, float h) => alongX ? new Vector3(l, h, w) : new Vector3(w, h, l);
        var centre = Point(alongX, along, across);
        var up = Vector3.UnitY;
        mesh.AddBox(centre - Size(halfLength, 0.9f, 0) + up * 0.3f, centre + Size(halfLength, 0.9f, 0.95f), color, SurfaceKind.Plain);
        // Glass cabin under a roof in the body colour: the dark band is what makes a box read as a car.
        var cabinMin = centre - Size(halfLength * 0.55f, 0.8f, 0) + up * 0.95f;
        var cabinMax = centre + Size(halfLength * 0.45f, 0.8f, 1.42f);
        mesh.AddBox(cabinMin, cabinMax, new Vector3(0.08f, 0.10f, 0.13f), SurfaceKind.Plain);
        mesh.AddBox(new Vector3(cabinMin.X, cabinMax.Y, cabinMin.Z), cabinMax + up * 0.08f, color, SurfaceKind.Plain);
        // Dark skirt standing in for wheels, so the body does not float.
        mesh.AddBox(centre - Size(halfLength * 0.88f, 0.82f, 0), centre + Size(halfLength * 0.88f, 0.82f, 0.32f), new Vector3(0.04f, 0.04f, 0.04f), SurfaceKind.Plain);
    }
}
