namespace NeuralPost.Onnx;

// Session creation shared by FromFile and FromBytes; kept apart from the run path it has nothing to do with.
public sealed unsafe partial class InferenceSession
{
    /// <summary>Calls one CreateSession variant: (api, env, options, out session) -> status.</summary>
    private delegate nint CreateCall(OrtApi api, nint environment, nint options, nint* session);

    private static InferenceSession Create(OrtEnvironment env, SessionOptions? options, string source, CreateCall create)
    {
        var library = env.Library;
        if (options is not null && options.Library != library)
        {
            throw new ArgumentException("The session options come from a different ONNX Runtime library than the environment.", nameof(options));
        }

        var ownedOptions = options is null ? new SessionOptions(library) : null;
        try
        {
            var api = library.Api;
            nint session;
            nint status;
            using (var envUse = new HandleUse(env.Handle))
            using (var optionsUse = new HandleUse((options ?? ownedOptions!).Handle))
            {
                status = create(api, envUse.Pointer, optionsUse.Pointer, &session);
            }

            if (status != 0)
            {
                var (code, message) = api.TakeError(status);
                throw new ModelLoadException(source, "CreateSession", code, message);
            }

            var handle = new OrtSessionHandle(api, session, env.Handle);
            try
            {
                return new InferenceSession(library, handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
        finally
        {
            ownedOptions?.Dispose();
        }
    }
}
