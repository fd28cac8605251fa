namespace NeuralPost.Graphics.OpenGL.Native;

/// <summary>
/// The OpenGL 4.5 core entry points the backend uses, resolved once per context through the platform's
/// proc-address lookup. Only what the backend calls is bound; names match the GL functions minus the
/// <c>gl</c> prefix so a reader can look each one up in the specification.
/// </summary>
internal sealed unsafe class GlFunctions
{
#pragma warning disable CA1051, SA1401
    public readonly delegate* unmanaged[Cdecl]<uint> GetError;
    public readonly delegate* unmanaged[Cdecl]<uint, byte*> GetString;
    public readonly delegate* unmanaged[Cdecl]<uint, int*, void> GetIntegerv;
    public readonly delegate* unmanaged[Cdecl]<uint, void> Enable;
    public readonly delegate* unmanaged[Cdecl]<uint, void> Disable;
    public readonly delegate* unmanaged[Cdecl]<uint, int, void> PixelStorei;
    public readonly delegate* unmanaged[Cdecl]<void> Flush;
    public readonly delegate* unmanaged[Cdecl]<void> Finish;
    public readonly delegate* unmanaged[Cdecl]<uint, void> DepthFunc;
    public readonly delegate* unmanaged[Cdecl]<int, int, int, int, void> Viewport;
    public readonly delegate* unmanaged[Cdecl]<uint, int, uint*, void> CreateTextures;
    public readonly delegate* unmanaged[Cdecl]<uint, int, uint, int, int, void> TextureStorage2D;
    public readonly delegate* unmanaged[Cdecl]<uint, int, int, int, int, int, uint, uint, void*, void> TextureSubImage2D;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, void> TextureParameteri;
    public readonly delegate* unmanaged[Cdecl]<uint, int, uint, uint, int, void*, void> GetTextureImage;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteTextures;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsTexture;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> BindTextureUnit;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, byte, int, uint, uint, void> BindImageTexture;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> CreateBuffers;
    public readonly delegate* unmanaged[Cdecl]<uint, nint, void*, uint, void> NamedBufferStorage;
    public readonly delegate* unmanaged[Cdecl]<uint, nint, nint, void*, void> NamedBufferSubData;
    public readonly delegate* unmanaged[Cdecl]<uint, nint, nint, void*, void> GetNamedBufferSubData;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, uint, void*, void> ClearNamedBufferData;
    public readonly delegate* unmanaged[Cdecl]<uint, nint, nint, uint, void*> MapNamedBufferRange;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> UnmapNamedBuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, nint, nint, nint, void> CopyNamedBufferSubData;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteBuffers;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsBuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> BindBuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, void> BindBufferBase;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> CreateFramebuffers;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, int, void> NamedFramebufferTexture;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, uint, void> NamedFramebufferRenderbuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint> CheckNamedFramebufferStatus;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> NamedFramebufferReadBuffer;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteFramebuffers;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsFramebuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> BindFramebuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, int, int, int, int, int, int, int, uint, uint, void> BlitNamedFramebuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, float*, void> ClearNamedFramebufferfv;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> CreateRenderbuffers;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, int, void> NamedRenderbufferStorage;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteRenderbuffers;
    public readonly delegate* unmanaged[Cdecl]<int, int, int, int, uint, uint, void*, void> ReadPixels;
    public readonly delegate* unmanaged[Cdecl]<uint, uint> CreateShader;
    public readonly delegate* unmanaged[Cdecl]<uint, int, byte**, int*, void> ShaderSource;
    public readonly delegate* unmanaged[Cdecl]<uint, void> CompileShader;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int*, void> GetShaderiv;
    public readonly delegate* unmanaged[Cdecl]<uint, int, int*, byte*, void> GetShaderInfoLog;
    public readonly delegate* unmanaged[Cdecl]<uint, void> DeleteShader;
    public readonly delegate* unmanaged[Cdecl]<uint> CreateProgram;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> AttachShader;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> DetachShader;
    public readonly delegate* unmanaged[Cdecl]<uint, void> LinkProgram;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int*, void> GetProgramiv;
    public readonly delegate* unmanaged[Cdecl]<uint, int, int*, byte*, void> GetProgramInfoLog;
    public readonly delegate* unmanaged[Cdecl]<uint, void> DeleteProgram;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsProgram;
    public readonly delegate* unmanaged[Cdecl]<uint, void> UseProgram;
    public readonly delegate* unmanaged[Cdecl]<uint, byte*, int> GetUniformLocation;
    public readonly delegate* unmanaged[Cdecl]<uint, int, int, void> ProgramUniform1i;
    public readonly delegate* unmanaged[Cdecl]<uint, int, float, void> ProgramUniform1f;
    public readonly delegate* unmanaged[Cdecl]<uint, int, float, float, void> ProgramUniform2f;
    public readonly delegate* unmanaged[Cdecl]<uint, int, float, float, float, float, void> ProgramUniform4f;
    public readonly delegate* unmanaged[Cdecl]<uint, int, int, byte, float*, void> ProgramUniformMatrix4fv;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, void> DispatchCompute;
    public readonly delegate* unmanaged[Cdecl]<uint, void> MemoryBarrier;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> CreateVertexArrays;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteVertexArrays;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsVertexArray;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, nint, int, void> VertexArrayVertexBuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> VertexArrayElementBuffer;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> EnableVertexArrayAttrib;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int, uint, byte, uint, void> VertexArrayAttribFormat;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, uint, void> VertexArrayAttribBinding;
    public readonly delegate* unmanaged[Cdecl]<uint, void> BindVertexArray;
    public readonly delegate* unmanaged[Cdecl]<uint, int, uint, void*, void> DrawElements;
    public readonly delegate* unmanaged[Cdecl]<uint, int, uint*, void> CreateQueries;
    public readonly delegate* unmanaged[Cdecl]<int, uint*, void> DeleteQueries;
    public readonly delegate* unmanaged[Cdecl]<uint, byte> IsQuery;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> BeginQuery;
    public readonly delegate* unmanaged[Cdecl]<uint, void> EndQuery;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, void> QueryCounter;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int*, void> GetQueryiv;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, int*, void> GetQueryObjectiv;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, ulong*, void> GetQueryObjectui64v;
    public readonly delegate* unmanaged[Cdecl]<uint, uint, nint> FenceSync;
    public readonly delegate* unmanaged[Cdecl]<nint, uint, ulong, uint> ClientWaitSync;
    public readonly delegate* unmanaged[Cdecl]<nint, void> DeleteSync;
    public readonly delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<uint, uint, uint, uint, int, byte*, void*, void>, void*, void> DebugMessageCallback;
#pragma warning restore CA1051, SA1401

    /// <summary>Resolves every entry point; <paramref name="getProcAddress"/> returns zero for unknown names.</summary>
    public GlFunctions(Func<string, nint> getProcAddress)
    {
        GetError = (delegate* unmanaged[Cdecl]<uint>)Load(getProcAddress, "glGetError");
        GetString = (delegate* unmanaged[Cdecl]<uint, byte*>)Load(getProcAddress, "glGetString");
        GetIntegerv = (delegate* unmanaged[Cdecl]<uint, int*, void>)Load(getProcAddress, "glGetIntegerv");
        Enable = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glEnable");
        Disable = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glDisable");
        PixelStorei = (delegate* unmanaged[Cdecl]<uint, int, void>)Load(getProcAddress, "glPixelStorei");
        Flush = (delegate* unmanaged[Cdecl]<void>)Load(getProcAddress, "glFlush");
        Finish = (delegate* unmanaged[Cdecl]<void>)Load(getProcAddress, "glFinish");
        DepthFunc = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glDepthFunc");
        Viewport = (delegate* unmanaged[Cdecl]<int, int, int, int, void>)Load(getProcAddress, "glViewport");
        CreateTextures = (delegate* unmanaged[Cdecl]<uint, int, uint*, void>)Load(getProcAddress, "glCreateTextures");
        TextureStorage2D = (delegate* unmanaged[Cdecl]<uint, int, uint, int, int, void>)Load(getProcAddress, "glTextureStorage2D");
        TextureSubImage2D = (delegate* unmanaged[Cdecl]<uint, int, int, int, int, int, uint, uint, void*, void>)Load(getProcAddress, "glTextureSubImage2D");
        TextureParameteri = (delegate* unmanaged[Cdecl]<uint, uint, int, void>)Load(getProcAddress, "glTextureParameteri");
        GetTextureImage = (delegate* unmanaged[Cdecl]<uint, int, uint, uint, int, void*, void>)Load(getProcAddress, "glGetTextureImage");
        DeleteTextures = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteTextures");
        IsTexture = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsTexture");
        BindTextureUnit = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glBindTextureUnit");
        BindImageTexture = (delegate* unmanaged[Cdecl]<uint, uint, int, byte, int, uint, uint, void>)Load(getProcAddress, "glBindImageTexture");
        CreateBuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glCreateBuffers");
        NamedBufferStorage = (delegate* unmanaged[Cdecl]<uint, nint, void*, uint, void>)Load(getProcAddress, "glNamedBufferStorage");
        NamedBufferSubData = (delegate* unmanaged[Cdecl]<uint, nint, nint, void*, void>)Load(getProcAddress, "glNamedBufferSubData");
        GetNamedBufferSubData = (delegate* unmanaged[Cdecl]<uint, nint, nint, void*, void>)Load(getProcAddress, "glGetNamedBufferSubData");
        ClearNamedBufferData = (delegate* unmanaged[Cdecl]<uint, uint, uint, uint, void*, void>)Load(getProcAddress, "glClearNamedBufferData");
        MapNamedBufferRange = (delegate* unmanaged[Cdecl]<uint, nint, nint, uint, void*>)Load(getProcAddress, "glMapNamedBufferRange");
        UnmapNamedBuffer = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glUnmapNamedBuffer");
        CopyNamedBufferSubData = (delegate* unmanaged[Cdecl]<uint, uint, nint, nint, nint, void>)Load(getProcAddress, "glCopyNamedBufferSubData");
        DeleteBuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteBuffers");
        IsBuffer = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsBuffer");
        BindBuffer = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glBindBuffer");
        BindBufferBase = (delegate* unmanaged[Cdecl]<uint, uint, uint, void>)Load(getProcAddress, "glBindBufferBase");
        CreateFramebuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glCreateFramebuffers");
        NamedFramebufferTexture = (delegate* unmanaged[Cdecl]<uint, uint, uint, int, void>)Load(getProcAddress, "glNamedFramebufferTexture");
        NamedFramebufferRenderbuffer = (delegate* unmanaged[Cdecl]<uint, uint, uint, uint, void>)Load(getProcAddress, "glNamedFramebufferRenderbuffer");
        CheckNamedFramebufferStatus = (delegate* unmanaged[Cdecl]<uint, uint, uint>)Load(getProcAddress, "glCheckNamedFramebufferStatus");
        NamedFramebufferReadBuffer = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glNamedFramebufferReadBuffer");
        DeleteFramebuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteFramebuffers");
        IsFramebuffer = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsFramebuffer");
        BindFramebuffer = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glBindFramebuffer");
        BlitNamedFramebuffer = (delegate* unmanaged[Cdecl]<uint, uint, int, int, int, int, int, int, int, int, uint, uint, void>)Load(getProcAddress, "glBlitNamedFramebuffer");
        ClearNamedFramebufferfv = (delegate* unmanaged[Cdecl]<uint, uint, int, float*, void>)Load(getProcAddress, "glClearNamedFramebufferfv");
        CreateRenderbuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glCreateRenderbuffers");
        NamedRenderbufferStorage = (delegate* unmanaged[Cdecl]<uint, uint, int, int, void>)Load(getProcAddress, "glNamedRenderbufferStorage");
        DeleteRenderbuffers = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteRenderbuffers");
        ReadPixels = (delegate* unmanaged[Cdecl]<int, int, int, int, uint, uint, void*, void>)Load(getProcAddress, "glReadPixels");
        CreateShader = (delegate* unmanaged[Cdecl]<uint, uint>)Load(getProcAddress, "glCreateShader");
        ShaderSource = (delegate* unmanaged[Cdecl]<uint, int, byte**, int*, void>)Load(getProcAddress, "glShaderSource");
        CompileShader = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glCompileShader");
        GetShaderiv = (delegate* unmanaged[Cdecl]<uint, uint, int*, void>)Load(getProcAddress, "glGetShaderiv");
        GetShaderInfoLog = (delegate* unmanaged[Cdecl]<uint, int, int*, byte*, void>)Load(getProcAddress, "glGetShaderInfoLog");
        DeleteShader = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glDeleteShader");
        CreateProgram = (delegate* unmanaged[Cdecl]<uint>)Load(getProcAddress, "glCreateProgram");
        AttachShader = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glAttachShader");
        DetachShader = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glDetachShader");
        LinkProgram = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glLinkProgram");
        GetProgramiv = (delegate* unmanaged[Cdecl]<uint, uint, int*, void>)Load(getProcAddress, "glGetProgramiv");
        GetProgramInfoLog = (delegate* unmanaged[Cdecl]<uint, int, int*, byte*, void>)Load(getProcAddress, "glGetProgramInfoLog");
        DeleteProgram = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glDeleteProgram");
        IsProgram = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsProgram");
        UseProgram = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glUseProgram");
        GetUniformLocation = (delegate* unmanaged[Cdecl]<uint, byte*, int>)Load(getProcAddress, "glGetUniformLocation");
        ProgramUniform1i = (delegate* unmanaged[Cdecl]<uint, int, int, void>)Load(getProcAddress, "glProgramUniform1i");
        ProgramUniform1f = (delegate* unmanaged[Cdecl]<uint, int, float, void>)Load(getProcAddress, "glProgramUniform1f");
        ProgramUniform2f = (delegate* unmanaged[Cdecl]<uint, int, float, float, void>)Load(getProcAddress, "glProgramUniform2f");
        ProgramUniform4f = (delegate* unmanaged[Cdecl]<uint, int, float, float, float, float, void>)Load(getProcAddress, "glProgramUniform4f");
        ProgramUniformMatrix4fv = (delegate* unmanaged[Cdecl]<uint, int, int, byte, float*, void>)Load(getProcAddress, "glProgramUniformMatrix4fv");
        DispatchCompute = (delegate* unmanaged[Cdecl]<uint, uint, uint, void>)Load(getProcAddress, "glDispatchCompute");
        MemoryBarrier = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glMemoryBarrier");
        CreateVertexArrays = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glCreateVertexArrays");
        DeleteVertexArrays = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteVertexArrays");
        IsVertexArray = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsVertexArray");
        VertexArrayVertexBuffer = (delegate* unmanaged[Cdecl]<uint, uint, uint, nint, int, void>)Load(getProcAddress, "glVertexArrayVertexBuffer");
        VertexArrayElementBuffer = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glVertexArrayElementBuffer");
        EnableVertexArrayAttrib = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glEnableVertexArrayAttrib");
        VertexArrayAttribFormat = (delegate* unmanaged[Cdecl]<uint, uint, int, uint, byte, uint, void>)Load(getProcAddress, "glVertexArrayAttribFormat");
        VertexArrayAttribBinding = (delegate* unmanaged[Cdecl]<uint, uint, uint, void>)Load(getProcAddress, "glVertexArrayAttribBinding");
        BindVertexArray = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glBindVertexArray");
        DrawElements = (delegate* unmanaged[Cdecl]<uint, int, uint, void*, void>)Load(getProcAddress, "glDrawElements");
        CreateQueries = (delegate* unmanaged[Cdecl]<uint, int, uint*, void>)Load(getProcAddress, "glCreateQueries");
        DeleteQueries = (delegate* unmanaged[Cdecl]<int, uint*, void>)Load(getProcAddress, "glDeleteQueries");
        IsQuery = (delegate* unmanaged[Cdecl]<uint, byte>)Load(getProcAddress, "glIsQuery");
        BeginQuery = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glBeginQuery");
        EndQuery = (delegate* unmanaged[Cdecl]<uint, void>)Load(getProcAddress, "glEndQuery");
        QueryCounter = (delegate* unmanaged[Cdecl]<uint, uint, void>)Load(getProcAddress, "glQueryCounter");
        GetQueryiv = (delegate* unmanaged[Cdecl]<uint, uint, int*, void>)Load(getProcAddress, "glGetQueryiv");
        GetQueryObjectiv = (delegate* unmanaged[Cdecl]<uint, uint, int*, void>)Load(getProcAddress, "glGetQueryObjectiv");
        GetQueryObjectui64v = (delegate* unmanaged[Cdecl]<uint, uint, ulong*, void>)Load(getProcAddress, "glGetQueryObjectui64v");
        FenceSync = (delegate* unmanaged[Cdecl]<uint, uint, nint>)Load(getProcAddress, "glFenceSync");
        ClientWaitSync = (delegate* unmanaged[Cdecl]<nint, uint, ulong, uint>)Load(getProcAddress, "glClientWaitSync");
        DeleteSync = (delegate* unmanaged[Cdecl]<nint, void>)Load(getProcAddress, "glDeleteSync");
        DebugMessageCallback = (delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<uint, uint, uint, uint, int, byte*, void*, void>, void*, void>)Load(getProcAddress, "glDebugMessageCallback");
    }

    private static nint Load(Func<string, nint> getProcAddress, string name)
    {
        var address = getProcAddress(name);
        return address != 0
            ? address
            : throw new GraphicsUnavailableException($"OpenGL entry point {name} was not found; the driver does not offer OpenGL 4.5 core.");
    }
}
