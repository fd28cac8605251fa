using Google.Protobuf;
using Onnx;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Reads an <c>.onnx</c> file (OnnxSharp's protobuf classes) into a <see cref="NetworkGraph"/>: initializers and
/// <c>Constant</c> nodes become host tensors (floating point to fp32), every operator is checked against
/// <see cref="SupportedOperators"/>, and every initializer's data against its declared shape.
/// </summary>
internal static class OnnxGraphReader
{
    /// <exception cref="ModelLoadException">The file is missing or corrupt, holds inconsistent data, or uses an unsupported operator.</exception>
    /// <exception cref="ModelContractException">The graph does not have one 4-D float input and one 4-D float output.</exception>
    public static NetworkGraph Read(string path)
    {
        var model = Parse(path);
        var graph = model.Graph ?? throw Fail(path, "the file holds no graph");
        var constants = new Dictionary<string, HostTensor>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer)
        {
            constants[initializer.Name] = ToHost(path, initializer);
        }

        var nodes = new List<GraphNode>(graph.Node.Count);
        foreach (var proto in graph.Node)
        {
            var name = proto.Name.Length > 0 ? proto.Name : $"#{nodes.Count}";
            if (proto.Domain.Length > 0 && proto.Domain != "ai.onnx")
            {
                throw Fail(path, $"operator {proto.Domain}.{proto.OpType} (node '{name}') is not supported by the GPU-compute runner");
            }

            if (!SupportedOperators.IsSupported(proto.OpType))
            {
                throw Fail(path, $"operator {proto.OpType} (node '{name}') is not supported by the GPU-compute runner");
            }

            var attributes = proto.Attribute.ToDictionary(a => a.Name, a => ToAttribute(path, a), StringComparer.Ordinal);
            if (proto.OpType == "Constant")
            {
                constants[proto.Output[0]] = ConstantValue(path, name, attributes);
                continue;
            }

            nodes.Add(new GraphNode(proto.OpType, name, [.. proto.Input], [.. proto.Output], attributes));
        }

        var inputs = graph.Input.Where(i => !constants.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1 || graph.Output.Count != 1)
        {
            throw new ModelContractException($"{path}: the GPU-compute runner needs one input and one output, the graph has {inputs.Count} and {graph.Output.Count}");
        }

        return new NetworkGraph(path, nodes, constants, inputs[0].Name, ImageShape(path, inputs[0]), graph.Output[0].Name, ImageShape(path, graph.Output[0]));
    }

    private static ModelProto Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "the file does not exist", new FileNotFoundException(null, path));
        }

        try
        {
            using var stream = File.OpenRead(path);
            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new ModelLoadException(path, $"not a valid ONNX file ({exception.Message})", exception);
        }
    }

    private static ModelLoadException Fail(string path, string reason) => new(path, reason, new NotSupportedException(reason));

    private static NchwShape ImageShape(string path, ValueInfoProto value)
    {
        var tensor = value.Type?.TensorType;
        if (tensor is null || tensor.ElemType != (int)TensorProto.Types.DataType.Float || tensor.Shape is null || tensor.Shape.Dim.Count != 4)
        {
            throw new ModelContractException($"{path}: '{value.Name}' must be a 4-D float32 (NCHW) tensor for the GPU-compute runner");
        }

        var d = tensor.Shape.Dim.Select(dim => dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? dim.DimValue : NchwShape.Dynamic).ToArray();
        return new NchwShape(d[0], d[1], d[2], d[3]);
    }

    private static HostTensor ConstantValue(string path, string node, Dictionary<string, NodeAttribute> attributes)
    {
        if (attributes.TryGetValue("value", out var value) && value.Tensor is { } tensor)
        {
            return tensor;
        }

        if (attributes.TryGetValue("value_float", out var f))
        {
            return HostTensor.OfFloats([], [f.Float]);
        }

        if (attributes.TryGetValue("value_int", out var i))
        {
            return HostTensor.OfLongs([], [i.Int]);
        }

        if (attributes.TryGetValue("value_ints", out var ints))
        {
            return HostTensor.OfLongs([ints.Ints.Length], ints.Ints);
        }

        if (attributes.TryGetValue("value_floats", out var floats))
        {
            return HostTensor.OfFloats([floats.Floats.Length], floats.Floats);
        }

        throw Fail(path, $"Constant node '{node}' has no value the GPU-compute runner reads");
    }

    private static NodeAttribute ToAttribute(string path, AttributeProto a) =>
        new(a.I, a.F, a.S.ToStringUtf8(), [.. a.Ints], [.. a.Floats], a.T is { } t && a.Type == AttributeProto.Types.AttributeType.Tensor ? ToHost(path, t) : null);

    /// <summary>Converts a tensor to fp32 (floating types) or int64 (integer and bool types), checking its size.</summary>
    private static HostTensor ToHost(string path, TensorProto t)
    {
        if (t.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw Fail(path, $"initializer '{t.Name}' keeps its data in an external file, which the GPU-compute runner does not read");
        }

        var dims = t.Dims.ToArray();
        var expected = HostTensor.ElementCount(dims);
        var raw = t.RawData.Span;
        var type = (TensorProto.Types.DataType)t.DataType;
        HostTensor host = type switch
        {
            TensorProto.Types.DataType.Float => HostTensor.OfFloats(dims, raw.Length > 0 ? FromRaw<float>(raw) : [.. t.FloatData]),
            TensorProto.Types.DataType.Double => HostTensor.OfFloats(dims, (raw.Length > 0 ? FromRaw<double>(raw) : [.. t.DoubleData]).Select(v => (float)v).ToArray()),
            TensorProto.Types.DataType.Float16 => HostTensor.OfFloats(dims, raw.Length > 0
                ? FromRaw<Half>(raw).Select(v => (float)v).ToArray()
                : t.Int32Data.Select(v => (float)BitConverter.UInt16BitsToHalf((ushort)v)).ToArray()),
            TensorProto.Types.DataType.Int64 => HostTensor.OfLongs(dims, raw.Length > 0 ? FromRaw<long>(raw) : [.. t.Int64Data]),
            TensorProto.Types.DataType.Int32 => HostTensor.OfLongs(dims, (raw.Length > 0 ? FromRaw<int>(raw) : [.. t.Int32Data]).Select(v => (long)v).ToArray()),
            TensorProto.Types.DataType.Bool => HostTensor.OfLongs(dims, (raw.Length > 0 ? raw.ToArray() : t.Int32Data.Select(v => (byte)v).ToArray()).Select(v => (long)v).ToArray()),
            _ => throw Fail(path, $"tensor '{t.Name}' has element type {type}, which the GPU-compute runner does not read"),
        };

        if (host.Count != expected)
        {
            throw Fail(path, $"initializer '{t.Name}' declares shape [{string.Join('x', dims)}] ({expected} values) but holds {host.Count}");
        }

        return host;
    }

    private static T[] FromRaw<T>(ReadOnlySpan<byte> raw)
        where T : unmanaged
    {
        // ONNX stores raw data little-endian, as every platform .NET runs on here.
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(raw).ToArray();
    }
}
