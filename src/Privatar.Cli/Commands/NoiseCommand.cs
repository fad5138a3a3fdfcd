using System.CommandLine;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Noise;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar privacy psr</c>, <c>privatar noise dp</c> and <c>privatar noise pac</c>: the privacy math of
/// the Noise step's DP and PAC noise on one latent matrix, by hand. Logic lives in Privatar.Noise.
/// </summary>
public static class NoiseCommand
{
    public static void Register(RootCommand root)
    {
        CliRunner.GetOrAddGroup(root, "privacy", "Privacy accounting and bounds").Subcommands.Add(ContractCommand.Build<PsrArgs>(Psr));
        var noise = CliRunner.GetOrAddGroup(root, "noise", "Calibrated DP and PAC noise for a latent matrix");
        noise.Subcommands.Add(ContractCommand.Build<NoiseDpArgs>(Dp));
        noise.Subcommands.Add(ContractCommand.Build<NoisePacArgs>(Pac));
    }

    static int Psr(PsrArgs a)
    {
        var table = new Table().AddColumns("MI (nats)", "classes", "prior 1/K", "PSR bound", "note");
        foreach (var m in a.Mi)
        {
            var b = PosteriorSuccess.FromMutualInformation(m, a.Classes);
            table.AddRow(F(b.MutualInformation), Invariant.Format(b.Classes), F(b.Prior), F(b.SuccessRate),
                b.Vacuous ? $"vacuous: MI ≥ ln K = {F(PosteriorSuccess.MaximalInformation(a.Classes))}" : "");
        }
        AnsiConsole.Write(table);
        return 0;
    }

    static int Dp(NoiseDpArgs a)
    {
        var f = a.Fidelity;
        // The original calibrates with its hard-coded PSRs, 1/56 and ‖Z‖_F: K and the clip bound are read under corrected only.
        var options = f == NoiseFidelity.Corrected
            ? new DpNoiseOptions(f, a.Classes ?? throw Corrected(nameof(a.Classes)), a.ClipBound ?? throw Corrected(nameof(a.ClipBound)))
            : new DpNoiseOptions(f, a.Classes ?? 0, a.ClipBound ?? 0);
        var z = ReadLatents(a.Latents);
        var r = DpNoise.Compute(z, a.Mi, options);
        var vector = r.FileVector();
        Npy.Write(a.Out, vector, vector.Length);
        var table = new Table().AddColumns("quantity", "value");
        table.AddRow("fidelity", f.Name());
        table.AddRow("latents", $"{z.GetLength(0)} × {z.GetLength(1)}");
        table.AddRow("PSR target γ", F(r.Calibration.SuccessRate));
        table.AddRow("prior κ", F(r.Calibration.Prior));
        table.AddRow("Rényi order α", Invariant.Format(r.Calibration.Alpha));
        table.AddRow("sensitivity Δ", F(r.Sensitivity) + (f == NoiseFidelity.Original ? " (‖Z‖_F)" : " (2 × clip bound)"));
        table.AddRow("noise multiplier σ/Δ", F(r.Calibration.NoiseMultiplier));
        table.AddRow("σ", F(r.Sigma) + (r.Capped ? " (capped at √9999999999, as the original)" : ""));
        table.AddRow("file value (per dim)", F(r.FileValue) + (f == NoiseFidelity.Original ? " = σ, read as a variance" : " = σ²"));
        table.AddRow("applied std", F(r.AppliedStd));
        if (f == NoiseFidelity.Corrected) table.AddRow("rows above clip bound", F(r.ClippedFraction));
        AnsiConsole.Write(table);
        Sample(a.SampleOut, z, NoiseSampling.Transform(vector, null), a.Seed, typeof(NoiseDpArgs));
        return 0;
    }

    static int Pac(NoisePacArgs a)
    {
        var f = a.Fidelity;
        var z = ReadLatents(a.Latents);
        var spectrum = PacSpectrum.Of(z);
        var variances = spectrum.NoiseVariances(a.Mi, f);
        Npy.Write(a.Out, variances, variances.Length);
        double[,]? basis = null;
        var table = new Table().AddColumns("quantity", "value");
        table.AddRow("fidelity", f.Name());
        table.AddRow("latents", $"{z.GetLength(0)} × {z.GetLength(1)}");
        table.AddRow("trace of covariance", F(spectrum.S.Sum()));
        table.AddRow("Σ noise variances", F(variances.Sum()));
        if (f == NoiseFidelity.Corrected)
        {
            basis = spectrum.U.ToArray();
            var basisPath = a.BasisOut ?? Path.ChangeExtension(a.Out, null) + ".basis.npy";
            Npy.Write(basisPath, basis);
            table.AddRow("noise basis (u)", Markup.Escape(basisPath));
            // The closed form needs a full-rank noise covariance; with T ≤ d rows some eigenvalues are 0.
            var fullRank = z.GetLength(0) > z.GetLength(1) && spectrum.S.Minimum() > 1e-9 * spectrum.S.Maximum();
            table.AddRow("Gaussian MI at the sample covariance", fullRank
                ? F(GaussianInformation.MutualInformation(spectrum.Covariance, spectrum.NoiseCovariance(a.Mi, f))) + $" ≤ {F(a.Mi)}"
                : "n/a (rank-deficient covariance)");
        }
        AnsiConsole.Write(table);
        Sample(a.SampleOut, z, NoiseSampling.Transform(variances, basis), a.Seed, typeof(NoisePacArgs));
        return 0;
    }

    static ArgumentException Corrected(string property) => ContractCodec.Required(typeof(NoiseDpArgs), property, "under fidelity corrected");

    static double[,] ReadLatents(string path)
    {
        var array = Npy.Read(path);
        if (array.Rank != 2) throw new InvalidDataException($"'{path}': expected a T×d latent matrix, got shape ({string.Join(", ", array.Shape)})");
        return array.ToMatrix();
    }

    static void Sample(string? path, double[,] latents, double[,] transform, int? drawSeed, Type contract)
    {
        if (path is null) return;
        var seed = drawSeed ?? throw ContractCodec.Required(contract, nameof(NoiseDpArgs.Seed), "with --sample-out");
        Npy.Write(path, NoiseSampling.AddNoise(latents, transform, seed));
        AnsiConsole.MarkupLine($"noised latents (seed {seed}): {Markup.Escape(path)}");
    }

    static string F(double x) => x.ToString("G6", Invariant.Culture);
}
