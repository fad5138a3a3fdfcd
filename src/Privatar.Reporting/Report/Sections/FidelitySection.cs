using System.Globalization;
using Privatar.Figures;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>The original code's computation next to the corrected one: noise magnitude, attack success, covariance.</summary>
public static class FidelitySection
{
    static string N(double v) => v.ToString(Math.Abs(v) >= 1e4 ? "#,0" : "G4", CultureInfo.InvariantCulture);

    public static ReportSection Build(ReportContext ctx)
    {
        var d = ctx.Data;
        var blocks = new List<ReportBlock>
        {
            new Paragraph("`original` reproduces what the original code computes (Frobenius-norm sensitivity with σ used as a variance, " +
                "unrotated PAC noise, the local noise file on the offloaded latent, an NN attacker whose gradients are never zeroed, the row-variable covariance); " +
                "`corrected` does what the paper and the cited theory describe (privatar-original.md §4, §5, §9)."),
        };
        if (d.Has(ResultFamilies.NoiseSummary))
        {
            // paired by mechanism and MI: the two fidelities map an MI bound to different PSR bounds (prior 1/56 vs 1/K)
            var rows = d.NoiseSummary.Where(r => r.Branch == "offload").GroupBy(r => (r.Mechanism, r.Mi)).OrderBy(g => g.Key.Mechanism).ThenByDescending(g => g.Key.Mi)
                .Select(g =>
                {
                    double? Mean(string f) => g.Any(r => r.Fidelity == f) ? g.Where(r => r.Fidelity == f).Average(r => r.NoiseSum) : null;
                    string Psr(string f) => g.FirstOrDefault(r => r.Fidelity == f) is { } r ? N(r.Psr) : "—";
                    var (o, c) = (Mean("original"), Mean("corrected"));
                    return (IReadOnlyList<string>)[Names.Mechanism(g.Key.Mechanism), N(g.Key.Mi), $"{Psr("original")} / {Psr("corrected")}",
                        o is null ? "—" : N(o.Value), c is null ? "—" : N(c.Value), o is null || c is null ? "—" : N(c.Value / o.Value)];
                }).ToList();
            blocks.Add(new Heading("Noise magnitude (Σ of the offload-branch noise vector, mean over n)"));
            blocks.Add(new Table(["mechanism", "MI", "PSR bound (original / corrected)", "original", "corrected", "corrected / original"], rows));
        }
        if (d.Has(ResultFamilies.Attacks))
        {
            var rows = d.Attacks.Where(r => r.N == d.Attacks.Max(a => a.N)).GroupBy(r => (r.Attack, r.Adaptive, r.Mechanism, r.Mi))
                .OrderBy(g => g.Key.Attack).ThenBy(g => g.Key.Adaptive).ThenBy(g => g.Key.Mechanism).ThenByDescending(g => g.Key.Mi ?? double.MaxValue)
                .Select(g =>
                {
                    string Best(string f) => g.Where(r => r.Fidelity == f).MaxBy(r => r.Psr) is { } r ? $"{N(r.Psr)} [{N(r.CiLow)}, {N(r.CiHigh)}]" : "—";
                    return (IReadOnlyList<string>)[g.Key.Attack + (g.Key.Adaptive ? " (adaptive)" : ""), Names.Mechanism(g.Key.Mechanism), g.Key.Mi is null ? "—" : N(g.Key.Mi.Value), Best("original"), Best("corrected"), N(g.First().Prior)];
                }).ToList();
            blocks.Add(new Heading($"Attack success at n = {d.Attacks.Max(a => a.N)} (best reference mode, 95% interval)"));
            blocks.Add(new Table(["attack", "noise", "MI", "original", "corrected", "prior"], rows));
        }
        if (d.Has(ResultFamilies.FrequencyCovariance))
        {
            var rows = d.FrequencyCovariance.GroupBy(r => r.Fidelity).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, N(g.First(r => r.Component == 0).Value), N(g.First(r => r.Component == 0).Share), N(g.Max(r => r.Value) / g.Min(r => r.Value))]).ToList();
            blocks.Add(new Heading("Frequency covariance"));
            blocks.Add(new Table(["fidelity", "component 0 value", "component 0 share", "max / min over components"], rows));
        }
        blocks.AddRange(FiguresSection.Shown(ctx, FiguresSection.List(ctx).Where(f => FiguresSection.IsFidelity(f.Name)).ToList()));
        return new ReportSection("fidelity", "Fidelity: original vs corrected", blocks);
    }
}
