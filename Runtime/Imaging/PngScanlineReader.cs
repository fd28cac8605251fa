namespace NeuralPost.Imaging;

/// <summary>
/// Pulls exactly the scanline bytes the header implies out of the inflater, unfilters each row and hands it to
/// the expander, pass by pass for Adam7. Reading never asks for more than one row at a time, and any data left
/// in the zlib stream afterwards is an error, so output size is bounded by the header alone.
/// </summary>
internal sealed class PngScanlineReader
{
    private readonly PngHeader _header;
    private readonly PngRowExpander _expander;
    private readonly Stream _inflater;
    private readonly long _expectedBytes;
    private long _consumed;

    /// <summary>Prepares to read the scanlines of <paramref name="header"/> from <paramref name="inflater"/>.</summary>
    public PngScanlineReader(PngHeader header, PngRowExpander expander, Stream inflater)
    {
        _header = header;
        _expander = expander;
        _inflater = inflater;
        for (int pass = 0; pass < (header.Interlaced ? Adam7.PassCount : 1); pass++)
        {
            (int w, int h) = PassSize(pass);
            _expectedBytes += w == 0 ? 0 : (header.RowBytes(w) + 1) * h;
        }
    }

    /// <summary>Decodes every row into <paramref name="output"/>, which holds the whole expanded image.</summary>
    public void ReadAll(Span<byte> output)
    {
        int fullRowBytes = (int)_header.RowBytes(_header.Width);
        var current = new byte[fullRowBytes + 1];
        var previous = new byte[fullRowBytes];
        int outBpp = _expander.OutputBytesPerPixel;
        int outStride = _header.Width * outBpp;
        int bpp = _header.FilterBytesPerPixel;
        int passes = _header.Interlaced ? Adam7.PassCount : 1;
        for (int pass = 0; pass < passes; pass++)
        {
            (int x0, int y0, int dx, int dy, int w, int h) = _header.Interlaced
                ? Adam7.Pass(pass, _header.Width, _header.Height)
                : (0, 0, 1, 1, _header.Width, _header.Height);
            if (w == 0 || h == 0)
            {
                continue;
            }

            int rowBytes = (int)_header.RowBytes(w);
            Span<byte> prev = previous.AsSpan(0, rowBytes);
            prev.Clear();
            for (int y = 0; y < h; y++)
            {
                Span<byte> line = current.AsSpan(0, rowBytes + 1);
                Fill(line);
                Span<byte> row = line[1..];
                if (!PngFilters.TryUnfilter(line[0], row, prev, bpp))
                {
                    string where = _header.Interlaced ? $" of Adam7 pass {pass + 1}" : string.Empty;
                    throw new PngFormatException($"invalid filter type {line[0]} on row {y}{where}");
                }

                int start = ((y0 + (y * dy)) * outStride) + (x0 * outBpp);
                _expander.Expand(row, w, output[start..], dx * outBpp);
                row.CopyTo(prev);
            }
        }

        Span<byte> probe = stackalloc byte[1];
        if (_inflater.Read(probe) != 0)
        {
            throw new PngFormatException($"IDAT data inflates to more than the {_expectedBytes} bytes the image needs");
        }
    }

    private (int Width, int Height) PassSize(int pass)
    {
        if (!_header.Interlaced)
        {
            return (_header.Width, _header.Height);
        }

        (_, _, _, _, int w, int h) = Adam7.Pass(pass, _header.Width, _header.Height);
        return (w, h);
    }

    private void Fill(Span<byte> buffer)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = _inflater.Read(buffer[done..]);
            if (n == 0)
            {
                throw new PngFormatException(
                    $"truncated image data: IDAT inflates to {_consumed + done} bytes, the image needs {_expectedBytes}");
            }

            done += n;
        }

        _consumed += done;
    }
}
