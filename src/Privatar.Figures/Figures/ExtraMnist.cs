using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Not in the Privatar paper: the DP-SGD MNIST study, final accuracy against ε, or test accuracy per epoch.</summary>
public sealed class ExtraMnist(bool curves) : IFigure
{
    public string Name => curves ? "extra_mnist_dp_training_curves" : "extra_mnist_dp_accuracy_vs_epsilon";
    public string PaperFigure => "not in the paper (DP-SGD study, dp-and-generative.md)";
    public string Description => curves ? "Test accuracy per epoch of each MNIST classifier kind at each noise multiplier σ." : "Final MNIST test accuracy against the ε spent, per classifier kind (one point per σ; σ = 0 is drawn as a reference line).";
    public IReadOnlyList<IResultFamily> Inputs => [curves ? ResultFamilies.MnistCurves : ResultFamilies.MnistAccuracy];

    public void Render(Plot plot, FigureInputs data)
    {
        var series = 0;
        if (curves)
            foreach (var g in Draw.Require(data.MnistCurves, "MNIST curves").GroupBy(r => (r.Classifier, r.Sigma)).OrderBy(g => g.Key))
                Draw.Line(plot, g.OrderBy(r => r.Epoch).Select(r => (double)r.Epoch).ToList(), g.OrderBy(r => r.Epoch).Select(r => r.TestAccuracy).ToList(), $"{g.Key.Classifier}, σ = {Draw.Num(g.Key.Sigma)}", series++);
        else
            foreach (var g in Draw.Require(data.MnistAccuracy, "MNIST accuracy").GroupBy(r => r.Classifier).OrderBy(g => g.Key))
            {
                var pts = g.Where(r => r.Epsilon is not null).OrderBy(r => r.Epsilon).ToList();
                Draw.Line(plot, Draw.Log10(pts.Select(r => r.Epsilon!.Value)).ToList(), pts.Select(r => r.TestAccuracy).ToList(), $"{g.Key} (DP-SGD)", series);
                if (g.FirstOrDefault(r => r.Epsilon is null) is { } clean) Draw.Reference(plot, clean.TestAccuracy, $"{g.Key}, non-private").Color = FigureStyle.Series(series);
                series++;
            }
        Draw.Labels(plot, curves ? "DP-SGD on MNIST: test accuracy per epoch" : "DP-SGD on MNIST: accuracy vs privacy", curves ? "epoch" : "ε (log scale)", "test accuracy");
        if (!curves) Draw.Log10Axis(plot, plot.Axes.Bottom); // meaningful budgets (ε ≈ 1-8) and the study's σ (ε in the thousands)
        plot.ShowLegend(Edge.Right);
    }
}
