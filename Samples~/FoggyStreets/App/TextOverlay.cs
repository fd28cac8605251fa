using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Draws a <see cref="TextGrid"/> into a render target with <see cref="BitmapFont"/>: white glyphs with a black
/// outline, readable over fog and night alike. One draw: the viewport is the text block and a fragment shader
/// looks each pixel's character up in a small texture of glyph indices (re-uploaded per frame from a reused
/// buffer) and its bit in a 7x95 texture of glyph rows; pixels that are neither glyph nor outline are discarded,
/// so the overlay changes nothing outside its glyphs.
/// </summary>
internal sealed class TextOverlay : IDisposable
{
    /// <summary>Cell size in font pixels: the 5x7 glyph plus a column and two rows of spacing.</summary>
    public const int CellWidth = 6;
    public const int CellHeight = 9;

    /// <summary>Distance of the text block from the display's top-left corner, in display pixels.</summary>
    public const int Margin = 6;

    private const string FragmentShader = """
        #version 430
        layout(binding = 0) uniform sampler2D fontRows;
        layout(binding = 1) uniform sampler2D textCells;
        uniform vec2 origin;
        uniform float targetHeight;
        uniform float scale;
        uniform vec2 gridSize;
        out vec4 color;

        const ivec2 Cell = ivec2(6, 9);

        bool lit(ivec2 p) {
            ivec2 grid = ivec2(gridSize);
            if (p.x < 0 || p.y < 0) return false;
            ivec2 cell = p / Cell;
            if (cell.x >= grid.x || cell.y >= grid.y) return false;
            ivec2 inCell = p - cell * Cell;
            if (inCell.x >= 5 || inCell.y >= 7) return false;
            int glyph = int(texelFetch(textCells, cell, 0).r * 255.0 + 0.5);
            int bits = int(texelFetch(fontRows, ivec2(inCell.y, glyph), 0).r * 255.0 + 0.5);
            return ((bits >> (4 - inCell.x)) & 1) != 0;
        }

        void main() {
            vec2 local = vec2(gl_FragCoord.x - origin.x, (targetHeight - gl_FragCoord.y) - origin.y);
            ivec2 p = ivec2(floor(local / scale)) - ivec2(1);
            if (lit(p)) { color = vec4(1.0); return; }
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (lit(p + ivec2(dx, dy))) { color = vec4(0.0, 0.0, 0.0, 1.0); return; }
                }
            }
            discard;
        }
        """;

    private readonly IGraphicsDevice _device;
    private readonly IGraphicsProgram _program;
    private readonly IMesh _mesh;
    private readonly ITexture _font;
    private readonly ITexture _cells;
    private readonly byte[] _cellBytes;

    public TextOverlay(IGraphicsDevice device, TextGrid grid)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(grid);
        _device = device;
        Grid = grid;
        _program = device.CreateGraphicsProgram("text overlay", FullscreenTriangle.VertexShader, FragmentShader);
        _mesh = FullscreenTriangle.CreateMesh(device);
        _font = device.CreateTexture(BitmapFont.GlyphHeight, BitmapFont.GlyphCount, TextureFormat.Rgba8);
        var fontBytes = new byte[_font.ByteSize];
        var rows = BitmapFont.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            fontBytes[i * 4] = rows[i];
        }

        _font.Upload(fontBytes);
        _cells = device.CreateTexture(grid.Columns, grid.Rows, TextureFormat.Rgba8);
        _cellBytes = new byte[_cells.ByteSize];
    }

    public TextGrid Grid { get; }

    /// <summary>Display pixels per font pixel: 2 from 720 lines up so the text stays legible, else 1.</summary>
    public static int ScaleFor(int targetHeight) => targetHeight >= 720 ? 2 : 1;

    /// <summary>Where <see cref="Draw"/> may change pixels on a target of this size: the text written, outline included.</summary>
    public OverlayRegion RegionFor(int targetWidth, int targetHeight)
    {
        var scale = ScaleFor(targetHeight);
        var width = Math.Min(((Grid.UsedColumns * CellWidth) + 2) * scale, Math.Max(0, targetWidth - Margin));
        var height = Math.Min(((Grid.UsedRows * CellHeight) + 2) * scale, Math.Max(0, targetHeight - Margin));
        return new OverlayRegion(Margin, Margin, width, height);
    }

    /// <summary>Draws the grid's current text over <paramref name="target"/>.</summary>
    public void Draw(IRenderTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var region = RegionFor(target.Width, target.Height);
        if (region.Width <= 0 || region.Height <= 0)
        {
            return;
        }

        for (var row = 0; row < Grid.Rows; row++)
        {
            for (var column = 0; column < Grid.Columns; column++)
            {
                _cellBytes[((row * Grid.Columns) + column) * 4] = (byte)BitmapFont.GlyphIndex(Grid[column, row]);
            }
        }

        _cells.Upload(_cellBytes);
        _device.BindTexture(0, _font);
        _device.BindTexture(1, _cells);
        _program.SetUniform("origin", new System.Numerics.Vector2(region.X, region.Y));
        _program.SetUniform("targetHeight", (float)target.Height);
        _program.SetUniform("scale", (float)ScaleFor(target.Height));
        _program.SetUniform("gridSize", new System.Numerics.Vector2(Grid.Columns, Grid.Rows));
        _device.SetRenderTarget(target);
        _device.SetDepthTest(false);
        // GL's viewport origin is the bottom-left corner.
        _device.SetViewport(region.X, target.Height - region.Y - region.Height, region.Width, region.Height);
        _device.DrawIndexed(_program, _mesh);
        _device.SetViewport(0, 0, target.Width, target.Height);
    }

    public void Dispose()
    {
        _cells.Dispose();
        _font.Dispose();
        _mesh.Dispose();
        _program.Dispose();
    }
}
