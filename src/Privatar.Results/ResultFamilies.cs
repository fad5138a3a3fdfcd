namespace Privatar.Results;

/// <summary>
/// The result families every pipeline step writes to and every figure, verify claim and report reads from.
/// This list and <c>SCHEMAS.md</c> are the contract; a test keeps the two in step.
/// </summary>
public static class ResultFamilies
{
    public static readonly ResultFamily<TrainingCurveRow> TrainingCurves = new("training_curves.csv",
        "per-iteration losses of every trained model", r => [r.Variant, r.Config, r.Split, r.Iter]);

    public static readonly ResultFamily<TestMetricRow> TestMetrics = new("test_metrics.csv",
        "test-set metrics per trained model", r => [r.Variant, r.Config]);

    public static readonly ResultFamily<LatencyRow> Latency = new("latency.csv",
        "inference latency and FLOPs per model and path", r => [r.Variant, r.N, r.Config, r.Path]);

    public static readonly ResultFamily<CapacityRow> Capacity = new("capacity.csv",
        "concurrent users supported per configuration and headset", r => [r.Headset, r.Tee, r.Variant, r.N, r.Config]);

    public static readonly ResultFamily<NoiseSummaryRow> NoiseSummary = new("noise_summary.csv",
        "one row per DP/PAC noise file", r => [r.Mechanism, r.Fidelity, r.Branch, r.N, r.Mi]);

    public static readonly ResultFamily<NoiseVectorRow> NoiseVectors = new("noise_vectors.csv",
        "per-dimension latent and noise vectors for the radar views", r => [r.Fidelity, r.N, r.Mi, r.Series, r.Dim]);

    public static readonly ResultFamily<PsrBoundRow> PsrBounds = new("psr_bounds.csv",
        "MI bound -> posterior success rate per fidelity, with the class count and prior used", r => [r.Fidelity, r.Mi]);

    public static readonly ResultFamily<NoisyInferenceRow> NoisyInference = new("noisy_inference.csv",
        "test metrics with noise on the offloaded latent", r => [r.Variant, r.N, r.Config, r.Mechanism, r.Fidelity, r.Mi]);

    public static readonly ResultFamily<ReconstructionGridRow> ReconstructionGrid = new("reconstruction_grid.csv",
        "texture and render comparison grid: one PNG per test sample and source", r => [r.Cell.Row, r.Cell.Column]);

    public static readonly ResultFamily<AttackRow> Attacks = new("attacks.csv",
        "attack posterior success rates with confidence intervals",
        r => [r.Attack, r.ReferenceMode, r.Fidelity, r.Adaptive, r.Mechanism, r.Mi, r.Variant, r.N]);

    public static readonly ResultFamily<FrequencyCovarianceRow> FrequencyCovariance = new("frequency_covariance.csv",
        "covariance statistic per frequency component", r => [r.Fidelity, r.Component]);

    public static readonly ResultFamily<MnistCurveRow> MnistCurves = new("mnist_dp_curves.csv",
        "DP-SGD MNIST training curves per classifier and sigma", r => [r.Classifier, r.Sigma, r.Epoch]);

    public static readonly ResultFamily<MnistAccuracyRow> MnistAccuracy = new("mnist_dp_accuracy.csv",
        "DP-SGD MNIST final accuracy vs epsilon per classifier and sigma", r => [r.Classifier, r.Sigma, r.Accountant]);

    public static readonly ResultFamily<MnistSyntheticRow> MnistSynthetic = new("mnist_synthetic.csv",
        "classifiers trained on DP-VAE synthetic MNIST, tested on real MNIST, per VAE sigma and synthesis fidelity", r => [r.VaeSigma, r.Fidelity]);

    public static readonly ResultFamily<SynthesisRow> Synthesis = new("synthesis.csv",
        "downstream accuracy and local-CNN feature metrics per method, dataset, target epsilon, classifier and replicate",
        r => [r.Dataset, r.Method, r.TargetEpsilon ?? -1, r.Classifier, r.Replicate]);

    public static readonly ResultFamily<SynthesisAblationRow> SynthesisAblation = new("synthesis_ablation.csv",
        "DPDM's noise-multiplicity ablation: each compared set's accuracy per classifier and local FID, mean and 95% interval over replicates",
        r => [r.Dataset, r.TargetEpsilon, r.NoiseLevels, r.Measure, r.Classifier]);

    public static readonly ResultFamily<PrivacyAuditRow> PrivacyAudit = new("privacy_audit.csv",
        "accountant epsilon (upper bound) vs one-run audited epsilon_lower and MIA AUC per audited MNIST run", r => [r.Model, r.Run]);

    public static IReadOnlyList<IResultFamily> All { get; } =
    [
        TrainingCurves, TestMetrics, Latency, Capacity, NoiseSummary, NoiseVectors, PsrBounds, NoisyInference, ReconstructionGrid, Attacks,
        FrequencyCovariance, MnistCurves, MnistAccuracy, MnistSynthetic, Synthesis, SynthesisAblation, PrivacyAudit,
    ];

    /// <summary>The family stored under <paramref name="fileName"/>, or null for an unknown file.</summary>
    public static IResultFamily? ByFileName(string fileName) => All.FirstOrDefault(f => f.FileName == fileName);
}
