using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.ImageFiles;
using NeuralPost.Inference;

// Usage: OfflineUpscale <in> <out.png|.jpg|.webp> [model-id]
// The smallest complete use of the runtime API: find a model by id, load it, upscale an image in tiles.
// The output's extension is checked first, so a path that cannot be written costs no model load or upscale.
if (args.Length < 2 || !ImageFileFormats.TryFromPath(args[1], out _))
{
    Console.Error.WriteLine($"usage: OfflineUpscale <in: PNG, JPEG, WebP, BMP or GIF> <out: {ImageFileFormats.Describe()}> [model-id]");
    return 2;
}

try
{
    var manifest = ModelManifest.LoadDefault();
    var card = manifest.Get(args.Length > 2 ? args[2] : "test-nearest-x2");
    var environment = OnnxEnvironment.Create(line => Console.Error.WriteLine(line));
    using var model = ImageNetwork.Load(environment, manifest.ResolveVerifiedFile(card), expectedScale: card.Scale);
    var image = ImageFile.Load(args[0]);
    var result = new TiledUpscaler(model).Upscale(image, tileSize: 256, overlap: card.ReceptiveField ?? 16);
    ImageFile.Save(result, args[1]);
    Console.WriteLine($"{image.Width}x{image.Height} -> {result.Width}x{result.Height} with {card.Id}");
    return 0;
}
catch (NeuralPostException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
