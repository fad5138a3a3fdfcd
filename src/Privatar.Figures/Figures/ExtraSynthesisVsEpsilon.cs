using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the Privatar paper: one synthesis metric against the target ε, one series per DP method, for one dataset:
/// the CNN's real-test accuracy (train on synthetic), or FID in the local evaluator CNN's features. The real-data
/// row is drawn as a reference line: the accuracy upper bound, or the FID floor of the real training split.
/// </summary>
public sealed class ExtraSynthesisVsEpsilon(string dataset, bool fid) : IFigure
{
    const string AccuracyPrefix = "extra_synthesis_accuracy_vs_epsilon_";
    const string FidPrefix = "extra_synthesis_fid_vs_epsilon_";
    /// <summary>The DPDM protocol's convolutional classifier: the accuracy figure draws its rows.</summary>
    public const string Classifier = "cnn";
    const string FeatureSpace = "local-CNN features, not Inception";

    public string Name => (fid ? FidPrefix : AccuracyPrefix) + dataset;
    public string PaperFigure => "not in the paper (DP synthesis benchmark, dp-and-generative.md)";
    public string Description => fid
        ? $"FID of each method's synthetic {SynthesisTable.Display(dataset)} against the real test split ({FeatureSpace}) per target ε; the real training split's FID as the floor."
        : $"Real-test accuracy of the CNN trained on each method's synthetic {SynthesisTable.Display(dataset)} per target ε; the CNN trained on real data as the upper bound.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Synthesis];

    public void Render(Plot plot, FigureInputs data)
    {
        var t = new SynthesisTable(data, dataset);
        double Value(SynthesisRow r) => fid ? r.FidLocal : r.Accuracy;
        SynthesisRow? Pick(string method, double? eps) => fid ? (eps is { } e ? t.Set(method, e) : t.Real.FirstOrDefault()) : t.Row(method, eps, Classifier);
        var series = 0;
        foreach (var method in t.Methods)
        {
            var points = t.TargetEpsilons.Select(e => (Eps: e, Row: Pick(method, e))).Where(p => p.Row is not null).ToList();
            if (points.Count == 0) continue;
            // a method without a DP guarantee is still drawn at the target its noise was set for, and says so
            var label = points.All(p => p.Row!.Epsilon is null) ? $"{method} (no DP guarantee)" : method;
            Draw.Line(plot, Draw.Log10(points.Select(p => p.Eps)), points.Select(p => Value(p.Row!)).ToList(), label, series++);
        }
        if (series == 0) throw new FigureDataException(fid ? $"no DP method rows for {dataset}" : $"no {Classifier} rows of a DP method for {dataset}");
        if (Pick(SynthesisRow.RealData, null) is { } real)
            Draw.Reference(plot, Value(real), fid ? "real training split (floor)" : "real data (upper bound)");
        var what = fid ? $"FID ({FeatureSpace})" : $"real-test accuracy ({Classifier} trained on synthetic)";
        Draw.Labels(plot, $"{SynthesisTable.Display(dataset)}: {(fid ? "FID" : "accuracy")} vs privacy ({t.NoiseNote})", "target ε (log scale)", what);
        Draw.Log10Axis(plot, plot.Axes.Bottom);
        plot.ShowLegend(Edge.Right);
    }
}
