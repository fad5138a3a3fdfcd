using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.Results;

namespace Privatar.DpSgd.Audit;

/// <summary>Reads every audit folder's audit.json and writes privacy_audit.csv, ε recomputed by the study's accountant.</summary>
public static class AuditGather
{
    public static IReadOnlyList<PrivacyAuditRow> Write(string resultsDir, IEnumerable<string> auditDirs, StudyPrivacy privacy)
    {
        var rows = auditDirs.Select(dir => Row(dir, privacy)).ToList();   // every folder read before the table is written
        ResultCsv.Write(ResultFamilies.PrivacyAudit, resultsDir, rows);
        return rows;
    }

    static PrivacyAuditRow Row(string dir, StudyPrivacy privacy)
    {
        var path = Path.Combine(dir, CanaryAudit.File);
        var a = RunFiles.ReadJson<AuditSummary>(path);
        if (a.Delta != privacy.Delta)
            throw new InvalidDataException($"{path}: the audit used δ = {a.Delta}, but this table reports ε at δ = {privacy.Delta}; rerun the audit or pass --delta {a.Delta}");
        double? epsilon = a.NoiseMultiplier is { } sigma ? privacy.Epsilon([new MechanismSteps(sigma, a.SampleRate, a.Steps)]) : null;
        return new PrivacyAuditRow
        {
            Run = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), Model = a.Kind, Sigma = a.NoiseMultiplier, Epsilon = epsilon,
            Delta = a.Delta, Accountant = privacy.Name, Canaries = a.Canaries, Guesses = a.Guesses, Correct = a.Correct, Confidence = a.Confidence,
            EpsilonLower = a.EpsilonLower, MiaAuc = a.MiaAuc, TestAccuracy = a.TestAccuracy, Noise = Privatar.Core.NoiseModes.Name(a.Noise),
        };
    }
}
