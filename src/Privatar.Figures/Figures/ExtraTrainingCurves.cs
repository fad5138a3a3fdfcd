using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Not in the paper: the training curves of one trained model, every loss term, train and validation.</summary>
public sealed class ExtraTrainingCurves(string variant, string config) : IFigure
{
    public string Name => $"extra_training_curves_{variant}_{config}";
    public string PaperFigure => "not in the paper (the README quotes final training losses only)";
    public string Description => $"Loss terms of {variant} ({config}) against the iteration: train (solid) and validation (dashed); log scale.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.TrainingCurves];

    static readonly (string Name, Func<TrainingCurveRow, double> Value)[] Terms =
        [("total", r => r.LossTotal), ("screen", r => r.LossScreen), ("texture", r => r.LossTex), ("vertex", r => r.LossVert), ("KL", r => r.LossKl)];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.TrainingCurves.Where(r => r.Variant == variant && r.Config == config), $"training curves of {variant}/{config}");
        foreach (var split in Vocabulary.Splits)
        {
            var pts = rows.Where(r => r.Split == split).OrderBy(r => r.Iter).ToList();
            if (pts.Count == 0) continue;
            // one legend entry per term (colour); the line style tells train (solid) from validation (dashed)
            for (var t = 0; t < Terms.Length; t++)
                Draw.Line(plot, pts.Select(r => (double)r.Iter).ToList(), Draw.Log10(pts.Select(Terms[t].Value)), split == "val" ? "" : Terms[t].Name, t, dashed: split == "val");
        }
        Draw.Log10Axis(plot, plot.Axes.Left);
        var iters = rows.Select(r => (double)r.Iter).Distinct().ToList();
        if (iters.Count <= FigureStyle.MaxIntegerTicks) Draw.IntegerTicks(plot.Axes.Bottom, iters);
        Draw.Labels(plot, $"Training curves: {variant} ({config}); solid train, dashed validation", "iteration", "loss (log scale)");
        plot.ShowLegend(Edge.Right);
    }
}
