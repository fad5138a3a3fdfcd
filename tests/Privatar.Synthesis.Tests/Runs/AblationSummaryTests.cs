using Privatar.Results;
using Privatar.Synthesis.Runs;
using Xunit;

namespace Privatar.Synthesis.Tests.Runs;

public sealed class AblationSummaryTests
{
    static SynthesisRow Row(string method, int replicate, string classifier, double accuracy, double fid, double eps = 10, string dataset = "mnist") => new()
    {
        Method = method, Dataset = dataset, TargetEpsilon = eps, Epsilon = eps * 0.9999, Delta = 1e-5, Classifier = classifier, Accuracy = accuracy,
        FidLocal = fid, Seed = 1234, Noise = "reproducible", Replicate = replicate,
    };

    static IEnumerable<SynthesisRow> Set(string method, double[] cnn, double[] fid, double eps = 10) =>
        cnn.SelectMany((a, r) => new[] { Row(method, r, "cnn", a, fid[r], eps), Row(method, r, "logreg", a - 0.05, fid[r], eps) });

    [Fact]
    public void Should_Give_The_Mean_And_The_Student_T_Interval_Over_Replicates_Per_K_And_Measure()
    {
        var rows = Set("dpdm", [0.80, 0.82, 0.81], [14.0, 14.6, 13.9]).Concat(Set("dpdm-k4", [0.77, 0.80, 0.78], [16.2, 15.1, 15.8]))
            .Append(Row("dp-merf", 0, "cnn", 0.8, 37)).Append(Row("real_data", 0, "cnn", 0.97, 0.2) with { TargetEpsilon = null, Epsilon = null, Delta = null, Noise = "" })
            .ToList();
        var summary = AblationSummary.Summarise(rows, mainNoiseLevels: 1);

        Assert.Equal(6, summary.Count);                                            // 2 sets × (FID, 2 classifiers); other methods left out
        var cnn = summary.Single(r => r.Method == "dpdm" && r.Classifier == "cnn");
        Assert.Equal((1, 3, "accuracy"), (cnn.NoiseLevels, cnn.Replicates, cnn.Measure));
        Assert.Equal(0.81, cnn.Mean, 12);
        Assert.Equal(0.01, cnn.Std!.Value, 12);
        // t(0.975, 2 degrees of freedom) = 4.302652729911275 (tables; scipy.stats.t.ppf)
        Assert.Equal(0.81 - 4.302652729911275 * 0.01 / Math.Sqrt(3), cnn.Ci95Low!.Value, 10);
        Assert.Equal(0.81 + 4.302652729911275 * 0.01 / Math.Sqrt(3), cnn.Ci95High!.Value, 10);
        var fid = summary.Single(r => r.Method == "dpdm-k4" && r.Measure == SynthesisAblationRow.FidLocal);
        Assert.Equal((4, "", 3), (fid.NoiseLevels, fid.Classifier, fid.Replicates));
        Assert.Equal((16.2 + 15.1 + 15.8) / 3, fid.Mean, 10);                     // one FID per replicate, not per classifier row
        Assert.All(summary, r => Assert.Empty(r.Problems()));
    }

    [Fact]
    public void Should_Summarise_Only_Where_An_Ablation_Set_Was_Released_And_State_One_Replicate_Without_An_Interval()
    {
        // dpdm at ε = 1 has no dpdm-k<K> beside it: not part of the ablation
        var rows = Set("dpdm", [0.5], [30], eps: 1).Concat(Set("dpdm", [0.8], [14])).Concat(Set("dpdm-k2", [0.7], [15])).ToList();
        var summary = AblationSummary.Summarise(rows, mainNoiseLevels: 8);
        Assert.All(summary, r => Assert.Equal(10, r.TargetEpsilon));
        Assert.Equal([2, 8], summary.Select(r => r.NoiseLevels).Distinct().Order());
        Assert.All(summary, r => Assert.Equal((1, (double?)null, (double?)null), (r.Replicates, r.Std, r.Ci95Low)));
        Assert.All(summary, r => Assert.Empty(r.Problems()));

        Assert.Empty(AblationSummary.Summarise([.. Set("dpdm", [0.8, 0.7], [14, 15])], mainNoiseLevels: 1));
    }

    [Fact]
    public void Should_Refuse_A_Replicate_That_Appears_Twice()
    {
        var rows = Set("dpdm", [0.8, 0.7], [14, 15]).Concat(Set("dpdm-k4", [0.8, 0.7], [14, 15])).Append(Row("dpdm-k4", 1, "cnn", 0.6, 15)).ToList();
        var e = Assert.Throws<InvalidDataException>(() => AblationSummary.Summarise(rows, 1));
        Assert.Contains("dpdm-k4 on mnist at ε = 10, cnn: a replicate appears twice", e.Message);
    }

    [Fact]
    public void Should_Write_Both_Tables_From_The_Slices_Or_Neither()
    {
        var dir = Directory.CreateTempSubdirectory("gather").FullName;
        try
        {
            var slice = Path.Combine(dir, "a.csv");
            ResultCsv.WriteFile(ResultFamilies.Synthesis, slice, [.. Set("dpdm", [0.8, 0.7], [14, 15]), .. Set("dpdm-k4", [0.75, 0.7], [15, 16])]);
            var (csv, ablation) = (Path.Combine(dir, "synthesis.csv"), Path.Combine(dir, "synthesis_ablation.csv"));
            Assert.Equal((8, 6), SynthesisRuns.Gather([slice], csv, ablation, 1));
            Assert.Equal(6, ResultCsv.ReadFile(ResultFamilies.SynthesisAblation, ablation).Count);

            // a duplicated slice: the ablation refuses it, and neither table is touched
            var before = (File.ReadAllText(csv), File.ReadAllText(ablation));
            Assert.ThrowsAny<Exception>(() => SynthesisRuns.Gather([slice, slice], csv, ablation, 1));
            Assert.Equal(before, (File.ReadAllText(csv), File.ReadAllText(ablation)));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Agree_With_The_Fixture_Summary_Computed_Apart_In_Python()
    {
        var dir = Privatar.Tests.Shared.Repo.FixtureResults;
        var rows = ResultCsv.ReadFile(ResultFamilies.Synthesis, Path.Combine(dir, ResultFamilies.Synthesis.FileName)).ToList();
        var expected = ResultCsv.ReadFile(ResultFamilies.SynthesisAblation, Path.Combine(dir, ResultFamilies.SynthesisAblation.FileName)).ToList();
        var ours = AblationSummary.Summarise(rows, mainNoiseLevels: 1).OrderBy(r => (r.Method, r.Measure, r.Classifier)).ToList();
        Assert.Equal(expected.Count, ours.Count);
        foreach (var (e, o) in expected.OrderBy(r => (r.Method, r.Measure, r.Classifier)).Zip(ours))
        {
            Assert.Equal((e.Dataset, e.TargetEpsilon, e.Epsilon, e.Method, e.NoiseLevels, e.Measure, e.Classifier, e.Replicates),
                (o.Dataset, o.TargetEpsilon, o.Epsilon, o.Method, o.NoiseLevels, o.Measure, o.Classifier, o.Replicates));
            foreach (var (a, b) in new[] { (e.Mean, o.Mean), (e.Std!.Value, o.Std!.Value), (e.Ci95Low!.Value, o.Ci95Low!.Value), (e.Ci95High!.Value, o.Ci95High!.Value) })
                Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{e.Method} {e.Measure} {e.Classifier}: {a} (Python) vs {b}");   // t quantiles agree to ~1e-11
        }
    }
}
