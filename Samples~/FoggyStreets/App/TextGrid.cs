using System.Globalization;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// A fixed grid of characters the overlay draws, written line by line through a cursor. Numbers are formatted
/// straight into the grid with <c>TryFormat</c>, so composing the overlay every frame allocates nothing.
/// </summary>
internal sealed class TextGrid
{
    private readonly char[] _cells;
    private int _row;
    private int _column;

    public TextGrid(int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        Columns = columns;
        Rows = rows;
        _cells = new char[columns * rows];
        Clear();
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Lines written since <see cref="Clear"/> (the cursor's row plus one once anything is on it).</summary>
    public int UsedRows { get; private set; }

    /// <summary>Length of the longest line written since <see cref="Clear"/>.</summary>
    public int UsedColumns { get; private set; }

    public char this[int column, int row] => _cells[(row * Columns) + column];

    /// <summary>Blanks every cell and puts the cursor at the start of the first line.</summary>
    public void Clear()
    {
        Array.Fill(_cells, ' ');
        _row = 0;
        _column = 0;
        UsedRows = 0;
        UsedColumns = 0;
    }

    /// <summary>Moves the cursor to the start of the next line; false when the grid is full.</summary>
    public bool NewLine()
    {
        if (_row + 1 >= Rows)
        {
            return false;
        }

        _row++;
        _column = 0;
        return true;
    }

    /// <summary>Writes text at the cursor, cutting it at the end of the line.</summary>
    public TextGrid Write(ReadOnlySpan<char> text)
    {
        var room = Columns - _column;
        var count = Math.Min(room, text.Length);
        text[..count].CopyTo(_cells.AsSpan((_row * Columns) + _column, count));
        _column += count;
        Touch();
        return this;
    }

    /// <summary>Writes an integer.</summary>
    public TextGrid Write(int value)
    {
        Span<char> buffer = stackalloc char[11];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return Write(buffer[..written]);
    }

    /// <summary>Writes a number with a fixed number of decimals, right-aligned in <paramref name="width"/>; NaN as "-".</summary>
    public TextGrid Write(double value, int decimals, int width)
    {
        Span<char> buffer = stackalloc char[32];
        var written = 1;
        if (double.IsNaN(value))
        {
            buffer[0] = '-';
        }
        else
        {
            Span<char> format = ['F', (char)('0' + Math.Clamp(decimals, 0, 9))];
            value.TryFormat(buffer, out written, format, CultureInfo.InvariantCulture);
        }

        PadTo(_column + Math.Max(0, width - written));
        return Write(buffer[..written]);
    }

    /// <summary>Advances the cursor to <paramref name="column"/> (leaving blanks), if it is not past it already.</summary>
    public TextGrid PadTo(int column)
    {
        _column = Math.Clamp(Math.Max(_column, column), 0, Columns);
        return this;
    }

    /// <summary>The line <paramref name="row"/> as text (for tests and logs; allocates).</summary>
    public string LineText(int row) => new string(_cells, row * Columns, Columns).TrimEnd();

    private void Touch()
    {
        UsedRows = Math.Max(UsedRows, _row + 1);
        UsedColumns = Math.Max(UsedColumns, _column);
    }
}
