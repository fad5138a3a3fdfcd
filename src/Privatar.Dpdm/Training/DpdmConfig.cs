using Privatar.Accounting;
using Privatar.Dpdm.Diffusion;

namespace Privatar.Dpdm.Training;

/// <summary>
/// One DPDM training run's settings (DPDM's configs/mnist_28/train_eps_*.yaml at their paper values by default except the
/// sizes, which the caller sets). <paramref name="NoiseLevelsPerExample"/> is K (paper: 32); <paramref name="Seed"/> roots
/// every random stream (initialisation, Poisson sampling, DP noise, diffusion noise and label dropout). <paramref name="PMean"/>
/// and <paramref name="PStd"/> place the EDM training noise levels (ln σ ~ N(P_mean, P_std²)); the v parameterisation ignores them.
/// </summary>
public sealed record DpdmConfig(
    int BatchSize,
    int NoiseLevelsPerExample,
    double NoiseMultiplier,
    ulong Seed,
    double MaxGradNorm = 1.0,
    double LearningRate = 3e-4,
    double EmaRate = 0.999,
    double LabelDropout = 0.1,
    Parameterisation Parameterisation = Parameterisation.Edm,
    double PMean = NoiseLevels.PaperPMean,
    double PStd = NoiseLevels.PaperPStd,
    int RowsPerPass = 0)
{
    /// <summary>Examples per pass of the per-example route: <see cref="RowsPerPass"/> rows hold ⌊rows/K⌋ examples, at least one (0: all).</summary>
    public int ExamplesPerPass => RowsPerPass == 0 ? 0 : Math.Max(1, RowsPerPass / NoiseLevelsPerExample);

    /// <summary>DPDM's Opacus schedule: q = 1/⌈N/B⌉, expected batch ⌊N·q⌋ (what the gradient sum is divided by).</summary>
    public SamplingSchedule Schedule(long datasetSize) => SamplingSchedule.For(AccountingConvention.Opacus, datasetSize, BatchSize);

    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"batch size: expected >= 1, got {BatchSize}");
        if (NoiseLevelsPerExample < 1) throw new ArgumentException($"noise levels per example (K): expected >= 1, got {NoiseLevelsPerExample}");
        if (!(NoiseMultiplier >= 0)) throw new ArgumentException($"noise multiplier: expected >= 0, got {NoiseMultiplier}");
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max grad norm: expected > 0, got {MaxGradNorm}");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate: expected > 0, got {LearningRate}");
        if (!(EmaRate >= 0 && EmaRate < 1)) throw new ArgumentException($"EMA rate: expected in [0, 1), got {EmaRate}");
        if (!double.IsFinite(PMean)) throw new ArgumentException($"p_mean: expected a finite number, got {PMean}");
        if (!(PStd > 0 && double.IsFinite(PStd))) throw new ArgumentException($"p_std: expected > 0, got {PStd}");
        if (RowsPerPass < 0) throw new ArgumentException($"rows_per_pass: expected >= 0 (0: the whole batch), got {RowsPerPass}");
        if (!(LabelDropout >= 0 && LabelDropout <= 1)) throw new ArgumentException($"label dropout: expected in [0, 1], got {LabelDropout}");
    }
}
