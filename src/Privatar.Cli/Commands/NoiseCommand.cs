using System.CommandLine;
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
        CliRunner.GetOrAddGroup(root, "privacy", "Privacy accounting and bounds").Subcommands.Add(Psr());
        var noise = CliRunner.GetOrAddGroup(root, "noise", "Calibrated DP and PAC noise for a latent matrix");
        noise.Subcommands.Add(Dp());
        noise.Subcommands.Add(Pac());
    }

    const string MiDescription = "mutual-information bound in nats";

    static Option<int> ClassesOption() => new("--classes") { Description = "K equally likely candidates; the prior is 1/K", DefaultValueFactory = _ => 65 };

    static Command Psr()
    {
        var mi = new Option<double[]>("--mi") { Description = MiDescription + " (several allowed)", Required = true, AllowMultipleArgumentsPerToken = true };
        var classes = ClassesOption();
        var cmd = new Command("psr", "Posterior success rate a mutual-information bound allows (Fano-type bound, K classes)") { mi, classes };
        cmd.SetAction(parse =>
        {
            var k = parse.GetValue(classes);
            var table = new Table().AddColumns("MI (nats)", "classes", "prior 1/K", "PSR bound", "note");
            foreach (var m in parse.GetValue(mi)!)
            {
                var b = PosteriorSuccess.FromMutualInformation(m, k);
                table.AddRow(F(b.MutualInformation), Invariant.Format(b.Classes), F(b.Prior), F(b.SuccessRate),
                    b.Vacuous ? $"vacuous: MI ≥ ln K = {F(PosteriorSuccess.MaximalInformation(k))}" : "");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return cmd;
    }

    static Command Dp()
    {
        var (latents, mi, fidelity, output, sampleOut, seed) = CommonOptions();
        var classes = ClassesOption();
        var clip = new Option<double>("--clip-bound") { Description = "corrected: per-user latent L2 clip bound C (sensitivity 2C)", DefaultValueFactory = _ => 20.0 };
        var cmd = new Command("dp", "RDP Gaussian noise calibrated to the PSR of an MI bound; writes the (d,) covariance-diagonal vector")
        {
            latents, mi, classes, fidelity, clip, output, sampleOut, seed,
        };
        cmd.SetAction(parse =>
        {
            var z = ReadLatents(parse.GetValue(latents)!);
            var f = NoiseFidelityText.Parse(parse.GetValue(fidelity)!, "--fidelity");
            var r = DpNoise.Compute(z, parse.GetValue(mi), new DpNoiseOptions(f, parse.GetValue(classes), parse.GetValue(clip)));
            var vector = r.FileVector();
            Npy.Write(parse.GetValue(output)!, vector, vector.Length);
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
            Sample(parse.GetValue(sampleOut), z, NoiseSampling.Transform(vector, null), parse.GetValue(seed));
            return 0;
        });
        return cmd;
    }

    static Command Pac()
    {
        var (latents, mi, fidelity, output, sampleOut, seed) = CommonOptions();
        var basisOut = new Option<string?>("--basis-out") { Description = "corrected: where to write the eigenvector basis u (default: <out>.basis.npy)" };
        var cmd = new Command("pac", "PAC noise from the latent covariance's SVD; writes the (d,) per-direction variance vector")
        {
            latents, mi, fidelity, output, basisOut, sampleOut, seed,
        };
        cmd.SetAction(parse =>
        {
            var z = ReadLatents(parse.GetValue(latents)!);
            var f = NoiseFidelityText.Parse(parse.GetValue(fidelity)!, "--fidelity");
            var v = parse.GetValue(mi);
            var spectrum = PacSpectrum.Of(z);
            var variances = spectrum.NoiseVariances(v, f);
            var outPath = parse.GetValue(output)!;
            Npy.Write(outPath, variances, variances.Length);
            double[,]? basis = null;
            var table = new Table().AddColumns("quantity", "value");
            table.AddRow("fidelity", f.Name());
            table.AddRow("latents", $"{z.GetLength(0)} × {z.GetLength(1)}");
            table.AddRow("trace of covariance", F(spectrum.S.Sum()));
            table.AddRow("Σ noise variances", F(variances.Sum()));
            if (f == NoiseFidelity.Corrected)
            {
                basis = spectrum.U.ToArray();
                var basisPath = parse.GetValue(basisOut) ?? Path.ChangeExtension(outPath, null) + ".basis.npy";
                Npy.Write(basisPath, basis);
                table.AddRow("noise basis (u)", Markup.Escape(basisPath));
                // The closed form needs a full-rank noise covariance; with T ≤ d rows some eigenvalues are 0.
                var fullRank = z.GetLength(0) > z.GetLength(1) && spectrum.S.Minimum() > 1e-9 * spectrum.S.Maximum();
                table.AddRow("Gaussian MI at the sample covariance", fullRank
                    ? F(GaussianInformation.MutualInformation(spectrum.Covariance, spectrum.NoiseCovariance(v, f))) + $" ≤ {F(v)}"
                    : "n/a (rank-deficient covariance)");
            }
            AnsiConsole.Write(table);
            Sample(parse.GetValue(sampleOut), z, NoiseSampling.Transform(variances, basis), parse.GetValue(seed));
            return 0;
        });
        return cmd;
    }

    static (Option<string>, Option<double>, Option<string>, Option<string>, Option<string?>, Option<int>) CommonOptions() => (
        new Option<string>("--latents") { Description = "T×d float32/float64 .npy latent matrix", Required = true },
        new Option<double>("--mi") { Description = MiDescription, Required = true },
        new Option<string>("--fidelity") { Description = "original | corrected", DefaultValueFactory = _ => "corrected" },
        new Option<string>("--out") { Description = "where to write the noise vector (.npy, float64)", Required = true },
        new Option<string?>("--sample-out") { Description = "also write the latents plus one seeded noise draw per row (.npy)" },
        new Option<int>("--seed") { Description = "seed of the --sample-out draw", DefaultValueFactory = _ => 1234 });

    static double[,] ReadLatents(string path)
    {
        var array = Npy.Read(path);
        if (array.Rank != 2) throw new InvalidDataException($"'{path}': expected a T×d latent matrix, got shape ({string.Join(", ", array.Shape)})");
        return array.ToMatrix();
    }

    static void Sample(string? path, double[,] latents, double[,] transform, int seed)
    {
        if (path is null) return;
        Npy.Write(path, NoiseSampling.AddNoise(latents, transform, seed));
        AnsiConsole.MarkupLine($"noised latents (seed {seed}): {Markup.Escape(path)}");
    }

    static string F(double x) => x.ToString("G6", Invariant.Culture);
}
