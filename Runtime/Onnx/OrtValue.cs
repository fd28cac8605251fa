using System.Buffers;
using System.Runtime.CompilerServices;

namespace NeuralPost.Onnx;

/// <summary>
/// A native ORT tensor. It either wraps pinned .NET memory (no copy; the pin lasts as long as the value) or
/// owns memory ORT allocated.
/// </summary>
public sealed unsafe class OrtValue : IDisposable
{
    private readonly OrtValueHandle _handle;
    private TensorElementType _elementType;
    private long _elementCount = -1;

    private OrtValue(OrtLibrary library, OrtValueHandle handle, TensorElementType elementType, long elementCount)
    {
        Library = library;
        _handle = handle;
        _elementType = elementType;
        _elementCount = elementCount;
    }

    /// <summary>The library the value belongs to.</summary>
    public OrtLibrary Library { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The owning native handle.</summary>
    internal OrtValueHandle Handle => _handle;

    /// <summary>Element type of the tensor.</summary>
    public TensorElementType ElementType
    {
        get
        {
            if (_elementType == TensorElementType.Undefined)
            {
                ReadTypeAndCount();
            }

            return _elementType;
        }
    }

    /// <summary>Number of elements (product of the shape).</summary>
    public long ElementCount
    {
        get
        {
            if (_elementCount < 0)
            {
                ReadTypeAndCount();
            }

            return _elementCount;
        }
    }

    /// <summary>Wraps a float array without copying; ORT reads and writes the array directly.</summary>
    public static OrtValue CreateTensor(float[] data, ReadOnlySpan<long> shape, OrtLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CreateTensor(data.AsMemory(), shape, library);
    }

    /// <summary>Wraps float memory without copying; the memory stays pinned until the value is disposed.</summary>
    public static OrtValue CreateTensor(Memory<float> data, ReadOnlySpan<long> shape, OrtLibrary? library = null) =>
        Wrap(data, shape, TensorElementType.Float, library);

    /// <summary>Wraps a float16 array without copying.</summary>
    public static OrtValue CreateTensor(Half[] data, ReadOnlySpan<long> shape, OrtLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CreateTensor(data.AsMemory(), shape, library);
    }

    /// <summary>Wraps float16 memory without copying; the memory stays pinned until the value is disposed.</summary>
    public static OrtValue CreateTensor(Memory<Half> data, ReadOnlySpan<long> shape, OrtLibrary? library = null) =>
        Wrap(data, shape, TensorElementType.Float16, library);

    /// <summary>Creates a tensor whose memory ORT allocates with its default CPU allocator.</summary>
    public static OrtValue Allocate(TensorElementType type, ReadOnlySpan<long> shape, OrtLibrary? library = null)
    {
        var count = ElementCountOf(shape);
        library ??= OrtLibrary.Shared;
        var api = library.Api;
        nint value;
        fixed (long* dims = shape)
        {
            api.Check(api.CreateTensorAsOrtValue(library.DefaultAllocator, dims, (nuint)shape.Length, type, &value), "CreateTensorAsOrtValue");
        }

        return new OrtValue(library, new OrtValueHandle(api, value), type, count);
    }

    /// <summary>Takes ownership of a value ORT created (a Run output, a bound output).</summary>
    internal static OrtValue FromOwned(OrtLibrary library, nint value) =>
        new(library, new OrtValueHandle(library.Api, value), TensorElementType.Undefined, -1);

    /// <summary>The tensor's elements as floats.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not float32.</exception>
    public Span<float> GetFloatSpan() => GetSpan<float>(TensorElementType.Float);

    /// <summary>The tensor's elements as float16.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not float16.</exception>
    public Span<Half> GetHalfSpan() => GetSpan<Half>(TensorElementType.Float16);

    /// <summary>The tensor's dimensions.</summary>
    public long[] GetShape()
    {
        using var info = GetTypeAndShape();
        var api = Library.Api;
        nuint rank;
        api.Check(api.GetDimensionsCount(info.DangerousGetHandle(), &rank), "GetDimensionsCount");
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(info.DangerousGetHandle(), dims, rank), "GetDimensions");
        }

        return shape;
    }

    /// <summary>Releases the native value (and the pin on wrapped .NET memory).</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Product of the dimensions; rejects negative (symbolic) dimensions.</summary>
    internal static long ElementCountOf(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor shape [{string.Join(", ", shape.ToArray())}] has a negative dimension.", nameof(shape));
            }

            count = checked(count * dim);
        }

        return count;
    }

    private static OrtValue Wrap<T>(Memory<T> data, ReadOnlySpan<long> shape, TensorElementType type, OrtLibrary? library)
        where T : unmanaged
    {
        var count = ElementCountOf(shape);
        if (count != data.Length)
        {
            throw new ArgumentException(
                $"Tensor shape [{string.Join(", ", shape.ToArray())}] holds {count} elements but the buffer has {data.Length}.", nameof(shape));
        }

        library ??= OrtLibrary.Shared;
        var api = library.Api;
        var pin = data.Pin();
        try
        {
            nint value;
            fixed (long* dims = shape)
            {
                api.Check(
                    api.CreateTensorWithDataAsOrtValue(library.CpuMemoryInfo, pin.Pointer, (nuint)(data.Length * sizeof(T)), dims, (nuint)shape.Length, type, &value),
                    "CreateTensorWithDataAsOrtValue");
            }

            return new OrtValue(library, new OrtValueHandle(api, value, pin), type, count);
        }
        catch
        {
            pin.Dispose();
            throw;
        }
    }

    private Span<T> GetSpan<T>(TensorElementType expected)
        where T : unmanaged
    {
        if (ElementType != expected)
        {
            throw new InvalidOperationException($"The tensor holds {ElementType} elements, not {expected}.");
        }

        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            void* data;
            Library.Api.Check(Library.Api.GetTensorMutableData(_handle.DangerousGetHandle(), &data), "GetTensorMutableData");
            return new Span<T>(data, checked((int)ElementCount));
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    private OrtTensorTypeAndShapeInfoHandle GetTypeAndShape()
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            nint info;
            Library.Api.Check(Library.Api.GetTensorTypeAndShape(_handle.DangerousGetHandle(), &info), "GetTensorTypeAndShape");
            return new OrtTensorTypeAndShapeInfoHandle(Library.Api, info);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadTypeAndCount()
    {
        using var info = GetTypeAndShape();
        var api = Library.Api;
        TensorElementType type;
        nuint count;
        api.Check(api.GetTensorElementType(info.DangerousGetHandle(), &type), "GetTensorElementType");
        api.Check(api.GetTensorShapeElementCount(info.DangerousGetHandle(), &count), "GetTensorShapeElementCount");
        _elementType = type;
        _elementCount = (long)count;
    }
}
