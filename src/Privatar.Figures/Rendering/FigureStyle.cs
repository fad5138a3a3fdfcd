using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Every styling constant of the figures lives here (size, fonts, line widths, colours); the architecture test
/// allows numeric literals in this file only. Changing a style changes pixels, never data. The pipeline sets the
/// [figures] keys of cake.config through <see cref="From"/>.
/// </summary>
public sealed record FigureStyle
{
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 560;
    /// <summary>PNG pixels per layout pixel (1 = 96 dpi, 2 = 192 dpi); the SVG is the same at any scale.</summary>
    public double Scale { get; init; } = 1;
    /// <summary>A ScottPlot palette, by its name without spaces, case-insensitive (category10, colorblindfriendly, …).</summary>
    public string Palette { get; init; } = DefaultPalette;
    public float TitleSize { get; init; } = 18;
    public float AxisLabelSize { get; init; } = 15;
    public float TickLabelSize { get; init; } = 13;
    public float CaptionSize { get; init; } = 11;
    public float AnnotationSize { get; init; } = 11;
    public float LineWidth { get; init; } = 2;
    public float MarkerSize { get; init; } = 8;
    public float CaptionPadding { get; init; } = 6;
    public double BarWidth { get; init; } = 1.4;
    /// <summary>Grid figures: tile side and label column width in layout pixels.</summary>
    public int GridTile { get; init; } = 150;
    /// <summary>Sample galleries: a generator's whole sample grid per tile, so a larger one.</summary>
    public int SampleTile { get; init; } = 260;
    public int GridLabelWidth { get; init; } = 150;
    /// <summary>Grid figures: room for the column headers, and for title and caption, in layout pixels.</summary>
    public int GridHeaderHeight { get; init; } = 60;
    public int GridChrome { get; init; } = 90;
    /// <summary>Grid figures: gap around each tile, as a fraction of the tile.</summary>
    public double GridGap { get; init; } = 0.03;

    public const string DefaultPalette = "category10";

    public static FigureStyle Default { get; } = new();

    /// <summary>
    /// The style of the pipeline's [figures] keys: size, PNG scale, palette, base font size (tick labels; the other
    /// text sizes keep their ratio to it) and line width. Throws naming the key when a value is out of range.
    /// </summary>
    public static FigureStyle From(int width, int height, double scale, string palette, double fontSize, double lineWidth)
    {
        if (width < MinSide || height < MinSide) throw new ArgumentException($"[figures] width/height: {width}x{height}; expected at least {MinSide} pixels each");
        if (!(scale > 0) || scale > MaxScale) throw new ArgumentException($"[figures] scale: {scale}; expected a number in (0, {MaxScale}]");
        if (!(fontSize > 0)) throw new ArgumentException($"[figures] font_size: {fontSize}; expected a positive number");
        if (!(lineWidth > 0)) throw new ArgumentException($"[figures] line_width: {lineWidth}; expected a positive number");
        ColorsOf(palette);
        var k = (float)fontSize / Default.TickLabelSize;
        return Default with
        {
            Width = width, Height = height, Scale = scale, Palette = palette, LineWidth = (float)lineWidth,
            TitleSize = Default.TitleSize * k, AxisLabelSize = Default.AxisLabelSize * k, TickLabelSize = (float)fontSize,
            CaptionSize = Default.CaptionSize * k, AnnotationSize = Default.AnnotationSize * k,
        };
    }

    const int MinSide = 200;
    const double MaxScale = 8;

    /// <summary>An axis of integer positions (iterations) gets one tick per position up to this many.</summary>
    public const int MaxIntegerTicks = 12;

    /// <summary>Margin either side of a categorical axis's first and last category, in category widths.</summary>
    public const double CategoryMargin = 0.5;

    /// <summary>Headroom above the largest value on axes that carry a legend in their upper corner.</summary>
    public const double AxisHeadroom = 1.35;

    /// <summary>Log axes label 1, 2 and 5 × 10^k while they span at most this many decades, else only 10^k.</summary>
    public const int LogDecadesWithMultiples = 3;
    public static readonly double[] LogTickMultiples = [1, 2, 5];
    /// <summary>Within less than one decade every multiple 1-9 is labelled, so the axis shows at least three values.</summary>
    public static readonly double[] LogAllMultiples = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>Radar charts draw this many labelled circles as their radial scale.</summary>
    public const int RadarCircles = 4;
    /// <summary>The direction the radial scale's labels are written along, in degrees (90 = straight up).</summary>
    public const double RadarLabelDegrees = 90;

    static readonly AsyncLocal<Color[]?> Current = new();

    /// <summary>Makes this style's palette the one <see cref="Series"/> returns until the result is disposed.</summary>
    public IDisposable Use()
    {
        var before = Current.Value;
        Current.Value = ColorsOf(Palette);
        return new Restore(() => Current.Value = before);
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    static Color[] ColorsOf(string name)
    {
        var all = ScottPlot.Palette.GetPalettes();
        var p = all.FirstOrDefault(p => Key(p.Name) == Key(name))
            ?? throw new ArgumentException($"[figures] palette: '{name}' is not a ScottPlot palette; expected one of {string.Join(", ", all.Select(p => Key(p.Name)).Order())}");
        return p.Colors;
    }

    static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary>The i-th series colour of the current palette (cycles; <see cref="Marker"/> tells the cycles apart).</summary>
    public static Color Series(int i)
    {
        var colors = Current.Value ?? ColorsOf(DefaultPalette);
        return colors[i % colors.Length];
    }

    /// <summary>
    /// The i-th series marker: the palette's first cycle of colours gets circles, the next squares, and so on, so
    /// series i and i + (palette size) share a colour but never a colour and a marker.
    /// </summary>
    public static MarkerShape Marker(int i)
    {
        var colors = Current.Value ?? ColorsOf(DefaultPalette);
        return Markers[i / colors.Length % Markers.Length];
    }

    static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    /// <summary>Legend symbol length in pixels: long enough to show two dashes of <see cref="Dashed"/>.</summary>
    public const float LegendSymbolWidth = 44;

    /// <summary>Legend, title and label text is wrapped to lines of at most this share of the figure width.</summary>
    public const double LegendMaxWidthShare = 0.34;
    public const double TitleMaxWidthShare = 0.92;

    /// <summary>Two series whose points differ by less than this (relative) are drawn as one and said to coincide.</summary>
    public const double CoincideTolerance = 1e-9;

    /// <summary>Pixels of room kept around an annotation so its text stays inside the data area.</summary>
    public const float TextFitPadding = 4;
    /// <summary>Rounds of widening the limits until annotations fit (each round shrinks the pixels per unit a little).</summary>
    public const int TextFitRounds = 4;
    /// <summary>Grid figures: room between the widest row label and the first tile, in layout pixels.</summary>
    public const int GridLabelPadding = 36;

    /// <summary>Heat tables: a cell's size in layout pixels, and the gap between panels and above the DP rows, in cells.</summary>
    public int HeatCellWidth { get; init; } = 84;
    public int HeatCellHeight { get; init; } = 40;
    public const double HeatPanelGap = 0.5;
    public const double HeatUpperBoundGap = 0.25;
    /// <summary>Heat tables: header rows above the cells (panel title, column names), in cells.</summary>
    public const double HeatHeaderRows = 1.6;
    /// <summary>Heat tables: where the column names and the panel title sit above the first row, in cells.</summary>
    public const double HeatColumnHeaderY = 0.12;
    public const double HeatPanelTitleY = 0.9;
    /// <summary>Heat-table text turns white on cells darker than this luminance.</summary>
    public const double HeatDarkLuminance = 0.45;
    public static Color HeatEmpty => Colors.WhiteSmoke;

    public static Color Reference => Colors.Gray;
    public static Color Caption => Colors.DimGray;
    public static LinePattern Dashed { get; } = new([7, 4], 0, "dashed");

    /// <summary>The alpha that marks a dashed line for the SVG export (FigureRunner.SvgWithDashes); visually opaque.</summary>
    public const byte SvgDashTagAlpha = 254;
}
