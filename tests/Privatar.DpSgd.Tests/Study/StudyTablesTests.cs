using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Results;

namespace Privatar.DpSgd.Tests.Study;

/// <summary>The gather logic on hand-written run folders: which ε each row carries and how the synthesis cost composes.</summary>
public sealed class StudyTablesTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "privatar-study-" + Guid.NewGuid().ToString("N")[..8]);
    static readonly StudyPrivacy Rdp = new(1e-5, new AccountantOptions());
    const double Q = 256.0 / 60000;

    static RunSummary Run(string kind, string source, DpConfig? dp, long steps, double acc, int epochs = 2, double? target = null) =>
        new(kind, source, new TrainConfig(Epochs: epochs, BatchSize: 256), dp, kind == "vae" ? "corrected" : "n/a", 60000, 10000,
            dp is null ? "non-private" : "hooks", dp is null ? 0 : Q, steps, 0.1, acc, kind == "vae" ? 20 : 0, target, target is null ? null : 1e-5);

    string Write(string name, RunSummary s, params EpochMetrics[] epochs)
    {
        var dir = Path.Combine(root, name);
        RunFiles.WriteJson(Path.Combine(dir, RunFiles.Summary), s);
        RunFiles.WriteMetrics(Path.Combine(dir, RunFiles.Metrics), epochs.Length > 0 ? epochs : [new EpochMetrics(s.Train.Epochs, s.Steps, 0.2, 0.9, 0.1, s.FinalTestAccuracy)]);
        return dir;
    }

    /// <summary>A VAE at σ, a synthetic set released under the fidelity, and a classifier trained on it.</summary>
    string Synthetic(string name, double vaeSigma, string fidelity, double statsSigma = 5)
    {
        var vae = Write(name + "_vae", Run("vae", "data", new DpConfig(vaeSigma, 1.2), 468, double.NaN));
        var set = Path.Combine(root, name + "_set");
        var release = fidelity == "corrected" ? new GaussianRelease("class_latent_stats", statsSigma, Math.Sqrt(51), 5, 1.0, 1) : null;
        RunFiles.WriteJson(Path.Combine(set, MnistRuns.SynthesisFile), new SynthesisSummary(vae, fidelity, 300, 1234, release is not null, release, new double[10]));
        return Write(name + "_clf", Run("classifier", set, null, 470, 0.8, epochs: 10));
    }

    [Fact]
    public void Should_Report_No_Epsilon_For_The_NonPrivate_Run_And_The_Accountants_For_DP_Runs()
    {
        var clean = RunRecord.Load(Write("clean", Run("classifier", "data", null, 470, 0.985)));
        var dp = RunRecord.Load(Write("dp", Run("classifier", "data", new DpConfig(1.1, 1.2), 468, 0.93),
            new EpochMetrics(1, 234, 0.5, 0.8, 0.3, 0.9), new EpochMetrics(2, 468, 0.3, 0.9, 0.2, 0.93)));

        var a = StudyTables.Accuracy(clean, Rdp);
        Assert.Equal((0.0, (double?)null, 0.985, "rdp"), (a.Sigma, a.Epsilon, a.TestAccuracy, a.Accountant));
        var b = StudyTables.Accuracy(dp, Rdp);
        Assert.Equal(1.1, b.Sigma);
        Assert.Equal(new AccountantOptions().Epsilon(1.1, Q, 468, 1e-5), b.Epsilon!.Value, 12);

        // per-epoch ε grows with the steps taken so far
        var curves = StudyTables.Curves(dp, Rdp).ToList();
        Assert.Equal([234L, 468L], curves.Select(c => c.Step));
        Assert.Equal(new AccountantOptions().Epsilon(1.1, Q, 234, 1e-5), curves[0].Epsilon!.Value, 12);
        Assert.True(curves[0].Epsilon < curves[1].Epsilon);
        Assert.Equal(b.Epsilon, curves[1].Epsilon);
    }

    [Fact]
    public void Should_Compose_The_Statistics_Release_With_The_Vae_By_Rdp_At_Every_Order()
    {
        var r = SyntheticRecord.Load(Synthetic("c", 1.0, "corrected", statsSigma: 5));
        var eps = StudyTables.SyntheticEpsilon(r, Rdp)!.Value;

        // Expected: one RDP accountant holding both mechanisms (Gaussian at q = 1: α/(2σ²) added at each order)
        var acc = new RdpAccountant();
        acc.Step(1.0, Q, 468);
        acc.Step(5, 1.0, 1);
        Assert.Equal(acc.GetEpsilon(1e-5), eps, 12);

        var vaeOnly = new AccountantOptions().Epsilon(1.0, Q, 468, 1e-5);
        var statsOnly = new AccountantOptions().Epsilon(5, 1.0, 1, 1e-5);
        Assert.True(eps > vaeOnly, $"{eps} > {vaeOnly}");
        Assert.True(eps < vaeOnly + statsOnly, $"RDP composition {eps} is tighter than adding ε's {vaeOnly + statsOnly}");

        var row = StudyTables.Synthetic(r, Rdp);
        Assert.Equal((1.0, "corrected", (double?)5, 300, 10, 0.8), (row.VaeSigma, row.Fidelity, row.StatsNoiseMultiplier, row.PerClass, row.Epochs, row.TestAccuracy));
        Assert.Equal(vaeOnly, row.VaeEpsilon, 12);
        Assert.Empty(row.Problems());
    }

    [Fact]
    public void Should_Leave_Epsilon_Empty_When_The_Statistics_Leak()
    {
        var r = SyntheticRecord.Load(Synthetic("o", 0.1, "original"));
        var row = StudyTables.Synthetic(r, Rdp);
        Assert.Null(row.Epsilon);
        Assert.Null(row.StatsNoiseMultiplier);
        Assert.True(row.VaeEpsilon > 1000, $"σ = 0.1 for 468 steps is vacuous: ε = {row.VaeEpsilon}");
        Assert.Empty(row.Problems());
        Assert.All(StudyTables.Curves(r, Rdp), c => Assert.Equal(("cnn_synthetic_original", 0.1, (double?)null), (c.Classifier, c.Sigma, c.Epsilon)));
    }

    [Fact]
    public void Should_Write_All_Three_Tables_In_Their_Schemas()
    {
        var clean = Write("clean", Run("classifier", "data", null, 470, 0.985));
        var dp = Write("dp", Run("classifier", "data", new DpConfig(0.9, 1.2), 468, 0.94, target: 3));
        var results = Path.Combine(root, "results");
        var lines = StudyGather.Write(results, [clean, dp], [Synthetic("c", 0.9, "corrected"), Synthetic("o", 0.9, "original")], Rdp);
        Assert.Equal(4, lines.Count);
        Assert.Equal(2, ResultFamilies.MnistAccuracy.Check(Path.Combine(results, "mnist_dp_accuracy.csv")));
        Assert.Equal(4, ResultFamilies.MnistCurves.Check(Path.Combine(results, "mnist_dp_curves.csv")));
        var synth = ResultCsv.Read(ResultFamilies.MnistSynthetic, results);
        Assert.Equal(["corrected", "original"], synth.Select(s => s.Fidelity));
        Assert.Contains("not DP", lines[3].Epsilon);
    }

    [Fact]
    public void Should_Fail_Naming_The_Folder_When_A_Run_Is_Missing_Or_Of_The_Wrong_Kind()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => RunRecord.Load(Path.Combine(root, "nope")));
        Assert.Contains("nope", missing.Message);
        var vae = RunRecord.Load(Write("v", Run("vae", "data", new DpConfig(1, 1), 10, double.NaN)));
        var e = Assert.Throws<InvalidDataException>(() => StudyTables.Accuracy(vae, Rdp));
        Assert.Contains("kind is 'vae', expected 'classifier'", e.Message);
        Assert.False(Directory.Exists(Path.Combine(root, "results")));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, true); } catch (IOException) { }
    }
}
