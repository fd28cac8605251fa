using Google.Protobuf;
using Onnx;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>Builds small ONNX models with OnnxSharp's protobuf classes, for importer and operator tests.</summary>
internal static class OnnxGraphFactory
{
    /// <summary>A model with input <c>x</c> (1 x <paramref name="inputChannels"/> x h x w) and output <c>y</c>.</summary>
    public static byte[] Model(IEnumerable<NodeProto> nodes, IEnumerable<TensorProto> initializers, long inputChannels = 3, long outputChannels = 3)
    {
        var graph = new GraphProto { Name = "test" };
        graph.Node.AddRange(nodes);
        graph.Initializer.AddRange(initializers);
        graph.Input.Add(Image("x", inputChannels));
        graph.Output.Add(Image("y", outputChannels));
        var model = new ModelProto { IrVersion = 8, Graph = graph, ProducerName = "neuralpost-tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }

    public static NodeProto Node(string opType, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A float initializer; <paramref name="values"/> may deliberately disagree with <paramref name="dims"/>.</summary>
    public static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    public static TensorProto Longs(string name, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        return t;
    }

    /// <summary>Deterministic weights in [-0.5, 0.5).</summary>
    public static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
    }

    /// <summary>Writes <paramref name="model"/> to a temporary file, deleted when the returned scope is disposed.</summary>
    public static TempModel Write(byte[] model) => new(TestOnnx.WriteModel(model));

    private static ValueInfoProto Image(string name, long channels)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = channels });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "h" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "w" });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>A model file that deletes itself.</summary>
    internal sealed class TempModel(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => File.Delete(Path);
    }
}
