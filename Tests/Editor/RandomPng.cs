using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>Small seeded noise images for CLI tests: every pixel differs from black, so a blank output shows.</summary>
internal static class RandomPng
{
    /// <summary>Writes a <paramref name="width"/> x <paramref name="height"/> noise PNG at <paramref name="path"/>; returns the path.</summary>
    public static string Write(string path, int width, int height, int seed)
    {
        var image = new Rgb8Image(width, height);
        new Random(seed).NextBytes(image.Data);
        ImageFile.Save(image, path);
        return path;
    }
}
