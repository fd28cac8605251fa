namespace NeuralPost.Imaging;

/// <summary>
/// Filters encoder rows under a <see cref="PngFilterMode"/>, reusing one output line per filter type so that
/// encoding allocates nothing per row.
/// </summary>
internal sealed class PngRowFilter
{
    private readonly byte[][] _lines = new byte[5][];
    private readonly byte[] _zeros;
    private readonly int _bpp;
    private readonly PngFilterMode _mode;

    /// <summary>Prepares buffers for rows of <paramref name="rowBytes"/> bytes.</summary>
    public PngRowFilter(int rowBytes, int bpp, PngFilterMode mode)
    {
        _bpp = bpp;
        _mode = mode;
        _zeros = new byte[rowBytes];
        for (int type = 0; type < _lines.Length; type++)
        {
            bool used = mode == PngFilterMode.Adaptive || (int)mode == type;
            _lines[type] = used ? new byte[rowBytes + 1] : [];
            if (used)
            {
                _lines[type][0] = (byte)type;
            }
        }
    }

    /// <summary>
    /// Returns the line to write for <paramref name="row"/>: filter type byte then filtered bytes. The result
    /// is only valid until the next call. <paramref name="previous"/> is empty for the first row.
    /// </summary>
    public ReadOnlySpan<byte> Apply(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous)
    {
        if (previous.IsEmpty)
        {
            previous = _zeros;
        }

        if (_mode != PngFilterMode.Adaptive)
        {
            byte[] line = _lines[(int)_mode];
            PngFilters.Filter((int)_mode, row, previous, line.AsSpan(1), _bpp);
            return line;
        }

        int best = 0;
        long bestCost = long.MaxValue;
        for (int type = 0; type < _lines.Length; type++)
        {
            Span<byte> body = _lines[type].AsSpan(1);
            PngFilters.Filter(type, row, previous, body, _bpp);
            long cost = PngFilters.Cost(body, bestCost);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = type;
            }
        }

        return _lines[best];
    }
}
