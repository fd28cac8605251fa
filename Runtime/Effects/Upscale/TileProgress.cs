namespace NeuralPost.Effects.Upscale;

/// <summary>Progress of a tiled upscale: how many tiles of the plan are done.</summary>
/// <param name="Completed">Tiles finished so far.</param>
/// <param name="Total">Tiles in the plan.</param>
public readonly record struct TileProgress(int Completed, int Total);
