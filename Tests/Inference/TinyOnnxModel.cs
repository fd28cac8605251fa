using System.Text;

namespace NeuralPost.Tests.Inference;

/// <summary>
/// Builds minimal ONNX ModelProto bytes in memory so the binding tests need no model files. Only the protobuf
/// fields the tests use are written (numbers from onnx/onnx.proto).
/// </summary>
internal static class TinyOnnxModel
{
    /// <summary>Float element type (TensorProto.DataType FLOAT).</summary>
    public const int Float = 1;

    /// <summary>Float16 element type (TensorProto.DataType FLOAT16).</summary>
    public const int Float16 = 10;

    /// <summary>
    /// <c>y = x * factor</c> with the factor a scalar initializer. A dimension is a <see cref="long"/> (fixed)
    /// or a <see cref="string"/> (symbolic dim_param).
    /// </summary>
    public static byte[] Scale(float factor, int elementType = Float, params object[] dims)
    {
        var initializer = new ProtoWriter()
            .Int(2, elementType) // data_type
            .Text(8, "factor"); // name
        if (elementType == Float16)
        {
            initializer.Bytes(9, BitConverter.GetBytes((Half)factor)); // raw_data, little-endian
        }
        else
        {
            initializer.Bytes(4, BitConverter.GetBytes(factor)); // float_data, packed
        }

        var node = new ProtoWriter()
            .Text(1, "x").Text(1, "factor") // input
            .Text(2, "y") // output
            .Text(3, "scale") // name
            .Text(4, "Mul"); // op_type
        var graph = new ProtoWriter()
            .Message(1, node)
            .Text(2, "tiny")
            .Message(5, initializer)
            .Message(11, ValueInfo("x", elementType, dims))
            .Message(12, ValueInfo("y", elementType, dims));
        return Model(graph);
    }

    /// <summary>
    /// A same-size <c>1x3xHxW</c> network whose every output value is <c>W / 255</c>: an image pass running it shows
    /// the width it was given as the 8-bit value of each pixel, whatever the input.
    /// </summary>
    public static byte[] WidthProbe()
    {
        // ones = x * 0 + 1; w = ReduceSum(ones, axes [3]) keeps 1x3xHx1 holding W; y = x * 0 + w / 255.
        var graph = new ProtoWriter()
            .Message(1, Node("Mul", "zeros", "x", "zero"))
            .Message(1, Node("Add", "ones", "zeros", "one"))
            .Message(1, Node("ReduceSum", "w", "ones", "axes"))
            .Message(1, Node("Mul", "value", "w", "inv255"))
            .Message(1, Node("Add", "y", "zeros", "value"))
            .Text(2, "width-probe")
            .Message(5, FloatScalar("zero", 0f))
            .Message(5, FloatScalar("one", 1f))
            .Message(5, FloatScalar("inv255", 1f / 255f))
            .Message(5, new ProtoWriter().Int(1, 1).Int(2, 7).Text(8, "axes").Bytes(9, BitConverter.GetBytes(3L))) // int64 [3], raw
            .Message(11, ValueInfo("x", Float, [1L, 3L, "height", "width"]))
            .Message(12, ValueInfo("y", Float, [1L, 3L, "height", "width"]));
        return Model(graph);
    }

    private static ProtoWriter Node(string opType, string output, params string[] inputs)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.Text(1, input);
        }

        return node.Text(2, output).Text(3, output).Text(4, opType);
    }

    private static ProtoWriter FloatScalar(string name, float value) =>
        new ProtoWriter().Int(2, Float).Text(8, name).Bytes(4, BitConverter.GetBytes(value));

    private static byte[] Model(ProtoWriter graph) =>
        new ProtoWriter()
            .Int(1, 8) // ir_version
            .Text(2, "neuralpost-tests") // producer_name
            .Text(6, "tiny scale model") // doc_string
            .Message(7, graph)
            .Message(8, new ProtoWriter().Text(1, string.Empty).Int(2, 17)) // opset_import: domain "", version 17
            .ToArray();

    private static ProtoWriter ValueInfo(string name, int elementType, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string symbol ? new ProtoWriter().Text(2, symbol) : new ProtoWriter().Int(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tensor = new ProtoWriter().Int(1, elementType).Message(2, shape);
        return new ProtoWriter().Text(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }

    /// <summary>Just enough of the protobuf wire format: varints and length-delimited fields.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _buffer = new();

        public ProtoWriter Int(int field, long value)
        {
            Varint((ulong)(field << 3)); // wire type 0
            Varint((ulong)value);
            return this;
        }

        public ProtoWriter Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public ProtoWriter Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2)); // wire type 2
            Varint((ulong)value.Length);
            _buffer.Write(value);
            return this;
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _buffer.WriteByte((byte)value);
        }
    }
}
