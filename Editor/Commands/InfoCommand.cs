using System.CommandLine;
using System.Globalization;
using NeuralPost.Effects;
using NeuralPost.Editor.Cli;
using NeuralPost.Effects.Upscale;
using NeuralPost.Inference;

namespace NeuralPost.Editor.Commands;

/// <summary><c>neuralpost info MODEL</c>: inputs, outputs, shapes, element types and, for image models, the scale.</summary>
internal static class InfoCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var model = new Argument<string>("model") { Description = "Model id from Models/models.json or a path to an .onnx file" };
        var command = new Command("info", "Show a model's inputs, outputs and contract") { model };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var (path, card) = context.ResolveModel(parse.GetRequiredValue(model));
            var output = context.Out;
            output.WriteLine($"file:      {path}");
            output.WriteLine($"size:      {new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes");
            output.WriteLine($"sha256:    {Core.ModelManifest.ComputeSha256(path)}");
            if (card is not null)
            {
                output.WriteLine($"id:        {card.Id} ({card.Kind}, x{card.Scale})");
                output.WriteLine($"arch:      {card.Architecture}");
            }

            var environment = context.Environment;
            output.WriteLine($"onnxruntime {environment.Version}, providers: {string.Join(", ", environment.AvailableProviders)}");
            var (inputs, outputs) = OnnxModelInfo.Read(environment, path);
            foreach (var node in inputs)
            {
                output.WriteLine($"input:     {Describe(node)}");
            }

            foreach (var node in outputs)
            {
                output.WriteLine($"output:    {Describe(node)}");
            }

            try
            {
                using var network = ImageNetwork.Load(context.Environment, path);
                output.WriteLine($"contract:  image model, 1x3xHxW float32 RGB, upscales x{network.Scale}");
            }
            catch (ModelContractException e)
            {
                output.WriteLine($"contract:  not an image model NeuralPost can run ({e.Message})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(TensorDescription node) => $"{node.Name} {node.ElementType} [{string.Join(", ", node.Dimensions)}]";
}
