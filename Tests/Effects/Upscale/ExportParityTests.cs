using System.Diagnostics;
using System.Runtime.InteropServices;
using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Tests.Effects.Upscale;

/// <summary>
/// Each architecture of Models/Training, exported to ONNX by the project's exporter, gives the same output through
/// our C# binding as through PyTorch on the same random input (max abs difference <= 1e-4).
/// </summary>
[Category("NeedsTorch")]
internal sealed class ExportParityTests : OrtTestFixture
{
    private const float Tolerance = 1e-4f;

    [TestCase("imdn", 2, 3)]
    [TestCase("imdn", 3, 3)]
    [TestCase("imdn", 4, 3)]
    [TestCase("imdn-rtc", 2, 3)]
    [TestCase("lapsrn", 8, 1)]
    [TestCase("lapsrn", 8, 2)]
    [TestCase("lapsrn", 8, 3)]
    // the bicubic-input networks: ONNX Runtime's cubic Resize (a = -0.5, half_pixel) against the training's bicubic
    [TestCase("rednet10-f32", 2, 1)]
    [TestCase("drrn-b1u9-f32", 3, 1)]
    [TestCase("drcn-f32r8", 4, 1)]
    public void ExportedModelMatchesPyTorch(string model, int scale, int level)
    {
        var dir = TestPaths.NewTempDirectory();
        RunPython("--model", model, "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--level", level.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir);

        using var network = ImageNetwork.Load(Ort, Path.Combine(dir, "model.onnx"));
        var expectedScale = model == "lapsrn" ? 1 << level : scale;
        Assert.That(network.Scale, Is.EqualTo(expectedScale));
        AssertMatchesReference(network, dir);
    }

    [Test]
    public void ShippedModelsMatchPyTorchOnTheirShippedWeights()
    {
        var manifest = ModelManifest.Load(TestPaths.Manifest);
        var shipped = manifest.Models.Where(c => c.Kind is "super-resolution" or "dehaze").ToList();
        if (shipped.Count == 0)
        {
            Assert.Ignore("no trained model is in Models/models.json yet");
        }

        foreach (var card in shipped)
        {
            // The PyTorch side rebuilds the network from the same verified ONNX file (onnx_weights.py: the file's
            // initializers are the only copy of the weights) and runs it as the training code defines it, so this
            // fails when the loader maps a tensor wrongly or the PyTorch definition and the shipped graph disagree.
            var file = manifest.ResolveVerifiedFile(card);
            var dir = TestPaths.NewTempDirectory();
            // Dehaze networks need sides in multiples of 16; 23x17 keeps the super-resolution check off any multiple.
            var (height, width) = card.Kind == "dehaze" ? (32, 48) : (23, 17);
            RunPython("--weights", file, "--no-export", "--out", dir,
                "--height", height.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--level", (card.Scale switch { 2 => 1, 4 => 2, _ => 3 }).ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var network = ImageNetwork.Load(Ort, file, expectedScale: card.Scale);
            TestContext.Out.Write($"{card.Id}: ");
            AssertMatchesReference(network, dir, height, width);
        }
    }

    internal static void AssertMatchesReference(ImageNetwork network, string dir, int height = 23, int width = 17)
    {
        var input = ReadFloats(Path.Combine(dir, "input.f32"));
        var expected = ReadFloats(Path.Combine(dir, "output.f32"));
        Assert.That(input, Has.Length.EqualTo(3 * height * width));
        var buffers = network.GetBuffers(height, width);
        input.CopyTo(buffers.Input, 0);
        network.Run(buffers);
        Assert.That(buffers.Output, Has.Length.EqualTo(expected.Length));
        var max = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs(buffers.Output[i] - expected[i]));
        }

        TestContext.Out.WriteLine($"max abs difference vs PyTorch: {max:E2}");
        Assert.That(max, Is.LessThanOrEqualTo(Tolerance));
    }

    internal static void RunPython(params string[] args)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Assert.Ignore($"{python} not found: the PyTorch side of the parity test cannot run");
        }

        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepoRoot, "Models", "Training", "parity.py"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && stderr.Contains("No module named 'torch'", StringComparison.Ordinal))
        {
            Assert.Ignore("python3-torch is not installed: the PyTorch side of the parity test cannot run");
        }

        Assert.That(process.ExitCode, Is.Zero, $"parity.py failed: {stderr}{stdout.Result}");
    }

    private static float[] ReadFloats(string path) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}
