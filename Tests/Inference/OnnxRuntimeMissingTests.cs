using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class OnnxRuntimeMissingTests
{
    [Test]
    public void DllNotFoundNamesTheLibraryAndTheFix()
    {
        var error = OnnxRuntimeMissingException.FromLoadFailure(new DllNotFoundException("Unable to load shared library 'onnxruntime'"));
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Message, Does.Contain("libonnxruntime.so").And.Contain("Unable to load shared library 'onnxruntime'")
            .And.Contain("runtime identifier").And.Not.Contain("\n"));
    }

    [Test]
    public void TypeInitializationAroundDllNotFoundIsTheSameError()
    {
        // What every call after the first failed one throws: the managed API's native-method table failed to initialise.
        var failure = new TypeInitializationException("Microsoft.ML.OnnxRuntime.NativeMethods", new DllNotFoundException("libonnxruntime.so: cannot open"));
        var error = OnnxRuntimeMissingException.FromLoadFailure(failure);
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.InnerException, Is.SameAs(failure));
        Assert.That(error.Message, Does.Contain("cannot open"));
    }

    [Test]
    public void OtherErrorsAreNotMistakenForAMissingLibrary()
    {
        Assert.That(OnnxRuntimeMissingException.FromLoadFailure(new InvalidOperationException("x")), Is.Null);
        Assert.That(OnnxRuntimeMissingException.FromLoadFailure(new TypeInitializationException("T", new ArgumentException("y"))), Is.Null);
    }
}
