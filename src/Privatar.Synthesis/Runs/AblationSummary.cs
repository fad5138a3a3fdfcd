using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Privatar.Generators.Dpdm;
using Privatar.Results;

namespace Privatar.Synthesis.Runs;

/// <summary>
/// DPDM's noise-multiplicity ablation from synthesis.csv: for each (dataset, target ε) where a <c>dpdm-k&lt;K&gt;</c> set
/// was released, every DPDM set there (dpdm itself at <c>mainNoiseLevels</c>, and each ablation K) summarised over its
/// replicates, per classifier's accuracy and for the local FID.
/// </summary>
public static class AblationSummary
{
    public const double Confidence = 0.95;

    public static IReadOnlyList<SynthesisAblationRow> Summarise(IReadOnlyList<SynthesisRow> rows, int mainNoiseLevels)
    {
        if (mainNoiseLevels < 1) throw new ArgumentException($"noise levels of dpdm: expected >= 1, got {mainNoiseLevels}");
        var dpdm = rows.Where(r => r.TargetEpsilon is not null && DpdmGenerator.IsDpdm(r.Method)).ToList();
        var compared = dpdm.Where(r => r.Method != DpdmGenerator.Name).Select(r => (r.Dataset, r.TargetEpsilon)).ToHashSet();
        var result = new List<SynthesisAblationRow>();
        foreach (var set in dpdm.Where(r => compared.Contains((r.Dataset, r.TargetEpsilon))).GroupBy(r => (r.Dataset, Eps: r.TargetEpsilon!.Value, r.Method)))
        {
            var k = DpdmGenerator.AblationK(set.Key.Method) ?? mainNoiseLevels;
            var where = $"{set.Key.Method} on {set.Key.Dataset} at ε = {set.Key.Eps}";
            var head = new SynthesisAblationRow
            {
                Dataset = set.Key.Dataset, TargetEpsilon = set.Key.Eps, Method = set.Key.Method, NoiseLevels = k,
                Epsilon = set.First().Epsilon ?? throw new InvalidDataException($"evaluation slices: {where} has no ε; a DPDM release always states one"),
            };
            // FID is a property of the set: one value per replicate, whichever classifier row carries it.
            var fid = set.GroupBy(r => r.Replicate).Select(g => g.First().FidLocal).ToList();
            result.Add(Interval(head with { Measure = SynthesisAblationRow.FidLocal }, fid));
            foreach (var byClassifier in set.GroupBy(r => r.Classifier))
            {
                var replicates = byClassifier.Select(r => r.Replicate).ToList();
                if (replicates.Distinct().Count() != replicates.Count)
                    throw new InvalidDataException($"evaluation slices: {where}, {byClassifier.Key}: a replicate appears twice (a slice given twice?)");
                result.Add(Interval(head with { Measure = SynthesisAblationRow.Accuracy, Classifier = byClassifier.Key }, [.. byClassifier.Select(r => r.Accuracy)]));
            }
        }
        return [.. result.OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.TargetEpsilon).ThenBy(r => r.NoiseLevels)
            .ThenBy(r => r.Measure, StringComparer.Ordinal).ThenBy(r => SynthesisRow.ClassifierRank(r.Classifier))];
    }

    /// <summary>Mean, and with two or more values the sample std and the Student-t interval of the mean.</summary>
    public static SynthesisAblationRow Interval(SynthesisAblationRow row, IReadOnlyList<double> values)
    {
        var mean = values.Mean();
        if (values.Count < 2) return row with { Replicates = values.Count, Mean = mean };
        var std = values.StandardDeviation();
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 0.5 + Confidence / 2) * std / Math.Sqrt(values.Count);
        return row with { Replicates = values.Count, Mean = mean, Std = std, Ci95Low = mean - half, Ci95High = mean + half };
    }
}
