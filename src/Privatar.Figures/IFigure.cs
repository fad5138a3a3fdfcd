using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// A figure recipe: which paper figure it reproduces, which result tables it reads, and how it draws them.
/// A recipe knows nothing about its output path, size or caption (the <see cref="FigureRunner"/> does) and
/// holds no result numbers: every plotted value comes from <see cref="FigureInputs"/>.
/// </summary>
public interface IFigure
{
    /// <summary>Output file stem; starts with the paper figure it reproduces (<c>fig12_…</c>) or <c>extra_…</c>.</summary>
    string Name { get; }
    /// <summary>The original figure: notebook cell and output file, or "not in the paper".</summary>
    string PaperFigure { get; }
    /// <summary>One sentence on what the figure shows.</summary>
    string Description { get; }
    /// <summary>The result tables the figure reads; the caption lists them.</summary>
    IReadOnlyList<IResultFamily> Inputs { get; }
    /// <summary>Draws the figure. Throws <see cref="FigureDataException"/> when the tables lack the rows it needs.</summary>
    void Render(Plot plot, FigureInputs data);
    /// <summary>Image size in layout pixels; most figures take the style's, a grid sizes itself to its tiles.</summary>
    (int Width, int Height) Size(FigureStyle style, FigureInputs data) => (style.Width, style.Height);
}

/// <summary>The result tables hold no rows a figure needs (e.g. no TEE rows); the runner reports the figure as skipped.</summary>
public sealed class FigureDataException(string message) : Exception(message);
