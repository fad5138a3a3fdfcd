using System.Globalization;
using Privatar.Results;

namespace Privatar.DpSgd.Study;

/// <summary>One line of the gather summary table.</summary>
public sealed record GatherLine(string Run, string Sigma, string Epsilon, string Accuracy);

/// <summary>Reads every run folder, then writes mnist_dp_accuracy.csv, mnist_dp_curves.csv and mnist_synthetic.csv.</summary>
public static class StudyGather
{
    public static IReadOnlyList<GatherLine> Write(string resultsDir, IEnumerable<string> classifierDirs, IEnumerable<string> syntheticDirs, StudyPrivacy privacy)
    {
        // Read everything first: a bad run folder fails before any table is written.
        var real = classifierDirs.Select(RunRecord.Load).ToList();
        var synthetic = syntheticDirs.Select(SyntheticRecord.Load).ToList();
        var accuracy = real.Select(r => StudyTables.Accuracy(r, privacy)).ToList();
        var curves = real.SelectMany(r => StudyTables.Curves(r, privacy)).Concat(synthetic.SelectMany(s => StudyTables.Curves(s, privacy))).ToList();
        var synth = synthetic.Select(s => StudyTables.Synthetic(s, privacy)).ToList();
        ResultCsv.Write(ResultFamilies.MnistAccuracy, resultsDir, accuracy);
        ResultCsv.Write(ResultFamilies.MnistCurves, resultsDir, curves);
        ResultCsv.Write(ResultFamilies.MnistSynthetic, resultsDir, synth);
        return real.Zip(accuracy, (r, a) => new GatherLine(r.Dir, F(a.Sigma), F(a.Epsilon), F(a.TestAccuracy)))
            .Concat(synthetic.Zip(synth, (s, row) => new GatherLine(s.Classifier.Dir, $"VAE {F(row.VaeSigma)}",
                row.Epsilon is null ? "not DP (statistics leaked)" : F(row.Epsilon), F(row.TestAccuracy))))
            .ToList();
    }

    static string F(double? v) => v is { } d ? d.ToString("G5", CultureInfo.InvariantCulture) : "—";
}
