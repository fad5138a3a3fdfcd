using System.Text;
using Privatar.Core;

namespace Privatar.Noise;

/// <summary>Deterministic CSV text (invariant culture, round-trip numbers, LF) for the privacy tables the report shows.</summary>
public static class NoiseCsv
{
    public const string PsrHeader = "mi_nats,classes,prior,psr,vacuous,original_psr";

    /// <summary>One row per bound; original_psr is the original's hard-coded value for that MI, empty if it has none.</summary>
    public static string PsrTable(IEnumerable<PsrBound> bounds)
    {
        var sb = new StringBuilder(PsrHeader).Append('\n');
        foreach (var b in bounds)
        {
            var original = OriginalArtifact.PsrByMutualInformation.TryGetValue(b.MutualInformation, out var p) ? Invariant.Format(p) : "";
            sb.Append(string.Join(',', Invariant.Format(b.MutualInformation), Invariant.Format(b.Classes), Invariant.Format(b.Prior),
                Invariant.Format(b.SuccessRate), b.Vacuous ? "true" : "false", original)).Append('\n');
        }
        return sb.ToString();
    }

    public const string DpHeader = "target,mi_nats,fidelity,psr,prior,alpha,sensitivity,noise_multiplier,sigma,applied_std,file_value,capped,clipped_fraction";

    public static string DpRow(NoiseTarget target, DpNoiseResult r) => string.Join(',',
        target.ToString(), Invariant.Format(r.MutualInformation), r.Fidelity.Name(), Invariant.Format(r.Calibration.SuccessRate),
        Invariant.Format(r.Calibration.Prior), Invariant.Format(r.Calibration.Alpha), Invariant.Format(r.Sensitivity),
        Invariant.Format(r.Calibration.NoiseMultiplier), Invariant.Format(r.Sigma), Invariant.Format(r.AppliedStd),
        Invariant.Format(r.FileValue), r.Capped ? "true" : "false", Invariant.Format(r.ClippedFraction));
}
