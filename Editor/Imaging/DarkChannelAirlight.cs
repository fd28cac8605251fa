namespace NeuralPost.Imaging;

/// <summary>Global atmospheric light estimated by <see cref="DarkChannelPrior.EstimateAirlight"/>, per channel on a 0..1 scale.</summary>
/// <param name="R">Red component.</param>
/// <param name="G">Green component.</param>
/// <param name="B">Blue component.</param>
public readonly record struct DarkChannelAirlight(double R, double G, double B);
