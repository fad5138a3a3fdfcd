using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Training;
using Privatar.Results;

namespace Privatar.DpSgd.Study;

/// <summary>One trained run as the gather step reads it: its folder, summary and per-epoch metrics.</summary>
public sealed record RunRecord(string Dir, RunSummary Summary, IReadOnlyList<EpochMetrics> Epochs)
{
    public static RunRecord Load(string dir) =>
        new(dir, RunFiles.ReadJson<RunSummary>(Path.Combine(dir, RunFiles.Summary)), RunFiles.ReadMetrics(Path.Combine(dir, RunFiles.Metrics)));
}

/// <summary>A classifier trained on a synthetic set, with the synthesis run and the VAE behind it.</summary>
public sealed record SyntheticRecord(RunRecord Classifier, SynthesisSummary Synthesis, RunSummary Vae)
{
    /// <summary>Follows classifier → its train folder's synthesis.json → the VAE folder's summary.json.</summary>
    public static SyntheticRecord Load(string classifierDir)
    {
        var clf = RunRecord.Load(classifierDir);
        var synthesis = RunFiles.ReadJson<SynthesisSummary>(Path.Combine(clf.Summary.TrainSource, MnistRuns.SynthesisFile));
        var vae = RunFiles.ReadJson<RunSummary>(Path.Combine(synthesis.Vae, RunFiles.Summary));
        if (vae.Kind != "vae") throw new InvalidDataException($"{synthesis.Vae}/{RunFiles.Summary}: kind is '{vae.Kind}', expected 'vae'");
        return new SyntheticRecord(clf, synthesis, vae);
    }
}

/// <summary>
/// The study's result rows, computed from run files: ε of every run (and of every epoch) from its recorded σ, q and
/// steps by one accountant, so the tables never carry an ε the accountant did not produce.
/// </summary>
public static class StudyTables
{
    /// <summary>Classifier kind of the real-data runs (the study's CNN).</summary>
    public const string Cnn = "cnn";

    /// <summary>Classifier kind of a CNN trained on synthetic data released under <paramref name="fidelity"/>.</summary>
    public static string SyntheticCnn(string fidelity) => $"cnn_synthetic_{fidelity}";

    public static MnistAccuracyRow Accuracy(RunRecord run, StudyPrivacy privacy)
    {
        var s = Classifier(run);
        return new MnistAccuracyRow
        {
            Classifier = Cnn, Sigma = s.Dp?.NoiseMultiplier ?? 0, Epsilon = EpsilonAt(s, s.Steps, privacy), Delta = privacy.Delta,
            Accountant = privacy.Name, Epochs = s.Train.Epochs, TestAccuracy = s.FinalTestAccuracy,
        };
    }

    public static IEnumerable<MnistCurveRow> Curves(RunRecord run, StudyPrivacy privacy)
    {
        var s = Classifier(run);
        return run.Epochs.Select(e => Curve(Cnn, s.Dp?.NoiseMultiplier ?? 0, e, EpsilonAt(s, e.Steps, privacy)));
    }

    /// <summary>Curves of a synthetic-data classifier: σ is the VAE's, ε that of the released set (constant: the classifier is post-processing).</summary>
    public static IEnumerable<MnistCurveRow> Curves(SyntheticRecord r, StudyPrivacy privacy)
    {
        var eps = SyntheticEpsilon(r, privacy);
        return r.Classifier.Epochs.Select(e => Curve(SyntheticCnn(r.Synthesis.Fidelity), VaeSigma(r), e, eps));
    }

    public static MnistSyntheticRow Synthetic(SyntheticRecord r, StudyPrivacy privacy)
    {
        var clf = Classifier(r.Classifier);
        return new MnistSyntheticRow
        {
            VaeSigma = VaeSigma(r), VaeTargetEpsilon = r.Vae.TargetEpsilon, VaeEpsilon = EpsilonAt(r.Vae, r.Vae.Steps, privacy) ?? 0,
            VaeTestLoss = r.Vae.FinalTestLoss, Fidelity = r.Synthesis.Fidelity, StatsNoiseMultiplier = r.Synthesis.Release?.NoiseMultiplier,
            Epsilon = SyntheticEpsilon(r, privacy), Delta = privacy.Delta, Accountant = privacy.Name, PerClass = r.Synthesis.PerClass,
            Epochs = clf.Train.Epochs, TestAccuracy = clf.FinalTestAccuracy,
        };
    }

    /// <summary>
    /// ε of a released synthetic set: the VAE's DP-SGD composed with the statistics' Gaussian mechanism; null when the
    /// statistics were released without noise (original fidelity: no finite guarantee).
    /// </summary>
    public static double? SyntheticEpsilon(SyntheticRecord r, StudyPrivacy privacy)
    {
        if (!r.Synthesis.StatsArePrivate || r.Synthesis.Release is not { } release) return null;
        var vae = StudyPrivacy.Training(r.Vae, r.Vae.Steps)
                  ?? throw new InvalidDataException($"{r.Synthesis.Vae}: the VAE was trained without DP, so its synthetic set has no DP guarantee");
        return privacy.Epsilon([vae, StudyPrivacy.Release(release)]);
    }

    static double? EpsilonAt(RunSummary s, long steps, StudyPrivacy privacy) =>
        StudyPrivacy.Training(s, steps) is { } m ? privacy.Epsilon([m]) : null;

    static double VaeSigma(SyntheticRecord r) =>
        r.Vae.Dp?.NoiseMultiplier ?? throw new InvalidDataException($"{r.Synthesis.Vae}: the VAE was trained without DP (the study's VAEs are DP-SGD runs)");

    static RunSummary Classifier(RunRecord run) =>
        run.Summary.Kind == "classifier" ? run.Summary
            : throw new InvalidDataException($"{run.Dir}/{RunFiles.Summary}: kind is '{run.Summary.Kind}', expected 'classifier'");

    static MnistCurveRow Curve(string classifier, double sigma, EpochMetrics e, double? epsilon) => new()
    {
        Classifier = classifier, Sigma = sigma, Epoch = e.Epoch, Step = e.Steps, Epsilon = epsilon, TrainLoss = e.TrainLoss,
        TestAccuracy = e.TestAccuracy,
    };
}
