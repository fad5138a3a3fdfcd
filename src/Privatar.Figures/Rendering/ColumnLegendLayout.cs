using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// The legend as one column whose entries are each as tall as their own text. ScottPlot's default layout gives every
/// entry the height of the tallest one, so a single wrapped entry (a coincidence note) makes the column overflow into
/// several, side by side, which squeeze the data area to a sliver.
/// </summary>
public sealed class ColumnLegendLayout : ILegendLayout
{
    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var sizes = items.Select(i => i.LabelStyle.Measure(i.LabelText, paint).Size).ToArray();
        var symbolWidth = items.Select(i => i.MarkerStyle.Size).Append(legend.SymbolWidth).Max();
        var labelWidth = sizes.Select(s => s.Width).DefaultIfEmpty(0).Max();
        var (left, top) = (legend.Padding.Left, legend.Padding.Top);
        var labels = new PixelRect[items.Length];
        var symbols = new PixelRect[items.Length];
        var y = top;
        for (var i = 0; i < items.Length; i++)
        {
            var height = Math.Max(sizes[i].Height, legend.SymbolHeight);
            symbols[i] = new PixelRect(left, left + symbolWidth, y + height, y);
            var labelLeft = left + symbolWidth + legend.SymbolPadding;
            labels[i] = new PixelRect(labelLeft, labelLeft + labelWidth, y + height, y);
            y += height + (i < items.Length - 1 ? legend.InterItemPadding.Bottom : 0);
        }
        var width = symbolWidth + legend.SymbolPadding + labelWidth + legend.Padding.Horizontal;
        return new LegendLayout
        {
            LegendItems = items,
            LegendRect = new PixelRect(0, width, y + legend.Padding.Bottom, 0),
            LabelRects = labels,
            SymbolRects = symbols,
        };
    }
}
