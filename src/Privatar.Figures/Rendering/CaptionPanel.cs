using ScottPlot;
using ScottPlot.Panels;

namespace Privatar.Figures;

/// <summary>A line of small text under the plot: the profile and the CSV files the figure was drawn from.</summary>
public sealed class CaptionPanel : PanelBase
{
    readonly LabelStyle _label = new() { Alignment = Alignment.LowerLeft };
    readonly float _padding;

    public CaptionPanel(string text, FigureStyle style)
    {
        Edge = Edge.Bottom;
        _label.Text = text;
        _label.FontSize = style.CaptionSize;
        _label.ForeColor = FigureStyle.Caption;
        _padding = style.CaptionPadding;
    }

    public string Text => _label.Text;

    public override float Measure(Paint paint) => _label.Measure(paint).Height + 2 * _padding;

    public override void Render(RenderPack rp, float size, float offset)
    {
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        var at = new Pixel(rp.FigureRect.Left + _padding, rect.Bottom - _padding);
        _label.Render(rp.Canvas, at, rp.Paint, bottom: true);
    }
}
