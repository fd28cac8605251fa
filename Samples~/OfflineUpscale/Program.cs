using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;
using NeuralPost.Inference;

// Usage: OfflineUpscale <in.png> <out.png> [model-id]
// The smallest complete use of the runtime API: find a model by id, load it, upscale a PNG in tiles.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: OfflineUpscale <in.png> <out.png> [model-id]");
    return 2;
}

try
{
    var manifest = ModelManifest.LoadDefault();
    var card = manifest.Get(args.Length > 2 ? args[2] : "test-nearest-x2");
    var environment = OnnxEnvironment.Create(line => Console.Error.WriteLine(line));
    using var model = SuperResolutionModel.Load(environment, manifest.ResolveVerifiedFile(card), expectedScale: card.Scale);
    var image = PngDecoder.Load(args[0]).ToRgb8();
    var result = new TiledUpscaler(model).Upscale(image, tileSize: 256, overlap: card.ReceptiveField ?? 16);
    PngEncoder.Save(result, args[1]);
    Console.WriteLine($"{image.Width}x{image.Height} -> {result.Width}x{result.Height} with {card.Id}");
    return 0;
}
catch (NeuralPostException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
