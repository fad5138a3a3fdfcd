using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Every styling constant of the figures lives here (size, fonts, line widths, colours); the architecture test
/// allows numeric literals in this file only. Changing a style changes pixels, never data.
/// </summary>
public sealed record FigureStyle
{
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 560;
    public float TitleSize { get; init; } = 18;
    public float AxisLabelSize { get; init; } = 15;
    public float TickLabelSize { get; init; } = 13;
    public float CaptionSize { get; init; } = 11;
    public float AnnotationSize { get; init; } = 11;
    public float LineWidth { get; init; } = 2;
    public float MarkerSize { get; init; } = 8;
    public float CaptionPadding { get; init; } = 6;
    public double BarWidth { get; init; } = 1.4;

    public static FigureStyle Default { get; } = new();

    /// <summary>Log axes label 1, 2 and 5 × 10^k while they span at most this many decades, else only 10^k.</summary>
    public const int LogDecadesWithMultiples = 2;
    public static readonly double[] LogTickMultiples = [1, 2, 5];

    static readonly Color[] PaletteColors = new ScottPlot.Palettes.Category10().Colors;

    /// <summary>The i-th series colour (cycles).</summary>
    public static Color Series(int i) => PaletteColors[i % PaletteColors.Length];

    public static Color Reference => Colors.Gray;
    public static Color Caption => Colors.DimGray;
    public static LinePattern Dashed => LinePattern.Dashed;
}
