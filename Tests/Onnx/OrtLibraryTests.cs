using System.Runtime.InteropServices;
using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class OrtLibraryTests
{
    [Test]
    public void SharedLibraryLoadsVersion130()
    {
        var library = OrtLibrary.Shared;
        Assert.That(library.Version, Does.StartWith("1.30"));
        Assert.That(OrtLibrary.Shared, Is.SameAs(library));
    }

    [Test]
    public void AvailableProvidersIncludeCpu() =>
        Assert.That(OrtLibrary.Shared.GetAvailableProviders(), Does.Contain("CPUExecutionProvider"));

    [Test]
    public void LoadingAMissingPathNamesThePath()
    {
        const string path = "/nonexistent/libonnxruntime.so.1";
        var error = Assert.Throws<OrtLibraryNotFoundException>(() => OrtLibrary.Load(path));
        Assert.That(error!.Message, Does.Contain(path).And.Contain("bootstrap.sh"));
    }

    [Test]
    public void LoadingAFileThatIsNotOrtIsATypedError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-not-ort-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        try
        {
            Assert.Throws<OrtLibraryNotFoundException>(() => OrtLibrary.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The three checks below exercise table slots at the start (0-2, 93), the middle (125-126) and the end
    // (254) of the range NeuralPost uses; an off-by-one in the count breaks at least one of them.
    [Test]
    public void StatusRoundTripThroughTheTableKeepsCodeAndMessage()
    {
        var (code, message) = OrtLibrary.Shared.RoundTripStatus(OrtErrorCode.NoSuchFile, "round trip ✓");
        Assert.That(code, Is.EqualTo(OrtErrorCode.NoSuchFile));
        Assert.That(message, Is.EqualTo("round trip ✓"));
    }

    [Test]
    public void BuildInfoComesFromTheLastSlotUsed() =>
        Assert.That(OrtLibrary.Shared.BuildInfo, Does.StartWith("ORT Build Info"));

    [Test]
    public void VersionStringPointerIsTheVersion()
    {
        var pointer = OrtLibrary.Shared.GetVersionStringPointer();
        Assert.That(Marshal.PtrToStringUTF8(pointer), Is.EqualTo(OrtLibrary.Shared.Version));
    }

    [Test]
    public void LocatorHonoursAMissingEnvironmentPathWithATypedError()
    {
        var previous = Environment.GetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable, "/nonexistent/ort.so");
            var error = Assert.Throws<OrtLibraryNotFoundException>(() => OrtLibraryLocator.Resolve());
            Assert.That(error!.Message, Does.Contain("/nonexistent/ort.so").And.Contain(OrtLibraryLocator.EnvironmentVariable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable, previous);
        }
    }

    [Test]
    public void LocatorFindsTheBootstrapCacheWithoutTheVariable()
    {
        // bootstrap.sh leaves the cache alone when the user points NEURALPOST_ORT_LIBRARY at a library of their own.
        var cache = Path.Combine(TestPaths.RepoRoot, OrtLibraryLocator.CacheRelativePath()!);
        if (!File.Exists(cache))
        {
            Assert.Ignore($"no bootstrap cache at {cache}: NEURALPOST_ORT_LIBRARY named another library when it ran");
        }

        var previous = Environment.GetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable, null);
            Assert.That(OrtLibraryLocator.Resolve(), Does.EndWith(OrtLibraryLocator.CacheRelativePath()!));
        }
        finally
        {
            Environment.SetEnvironmentVariable(OrtLibraryLocator.EnvironmentVariable, previous);
        }
    }
}
