using Privatar.Core;
using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Results;
using Privatar.Steps.Noise;

namespace Privatar.Steps;

/// <summary>
/// Steps 4a/4b: DP and PAC noise on the test latents of Evaluate, per fidelity in [noise] fidelities, each in
/// noise/&lt;fidelity&gt;/ with the original's file names. Per fidelity and target (baseline, direct split, partition local
/// and offloaded per n): one statistics unit for l2norm and one for covariance + SVD; then one unit per target, mechanism
/// and MI bound, so changing one bound reruns only that bound's units (and the three gathers). A unit's MI is its id;
/// the unit declares only the keys its computation reads. Gathers write results/noise_summary.csv (from one-row
/// slices in noise/&lt;fidelity&gt;/summary/), results/noise_vectors.csv and results/psr_bounds.csv.
/// Everything runs in the build process (Privatar.Noise is MathNet only; no TorchSharp).
/// </summary>
public static class NoiseStep
{
    /// <summary>A latent whose noise is generated, the Evaluate output it is read from, and which mechanisms cover it.</summary>
    public sealed record Source(NoiseTarget Target, string Latents, bool Pac);

    public static StepSpec Spec => new("Noise", "DP and PAC noise files per fidelity, target and MI bound, and their tables (steps 4a/4b)")
    {
        Code =
        [
            "src/Privatar.Noise/*.cs", "src/Privatar.Steps/NoiseStep.cs", "src/Privatar.Steps/Noise/*.cs",
            "src/Privatar.Results/Rows/NoiseSummaryRow.cs", "src/Privatar.Results/Rows/NoiseVectorRow.cs", "src/Privatar.Results/Rows/PsrBoundRow.cs",
        ],
        Params =
        [
            P.StringList("train.variants"), P.IntList("train.partition_n"), P.StringList("noise.fidelities"), P.DoubleList("noise.mi_bounds"),
            P.Int("noise.classes"), P.Double("noise.dp_clip_bound"), P.Int("test.batch_size"), P.Int("runtime.seed"),
        ],
        Units = Expand,
    };

    /// <summary>baseline (DP only), direct split (offloaded n = 16), partition local and offloaded per n, as [train] variants lists them.</summary>
    public static IReadOnlyList<Source> Sources(PlanContext ctx)
    {
        var variants = ctx.Params.StringList("train.variants");
        var list = new List<Source>();
        if (variants.Contains("baseline")) list.Add(new(NoiseTarget.Baseline, $"{AvatarSteps.TestDir(ctx, "baseline")}/z.npy", Pac: false));
        if (variants.Contains("direct_split")) list.Add(new(NoiseTarget.DirectSplit, $"{AvatarSteps.TestDir(ctx, "direct_split")}/z_offload.npy", Pac: true));
        if (variants.Contains("partition"))
            foreach (var n in ctx.Params.IntList("train.partition_n"))
            {
                var dir = AvatarSteps.TestDir(ctx, $"partition_n{n}");
                list.Add(new(NoiseTarget.Local(n), $"{dir}/z.npy", Pac: true));
                list.Add(new(NoiseTarget.Offloaded(n), $"{dir}/z_offload.npy", Pac: true));
            }
        return list;
    }

    public static IReadOnlyList<NoiseFidelity> Fidelities(ParamValues p)
    {
        var list = p.StringList("noise.fidelities").Select(f => NoiseFidelityText.Parse(f, "[noise] fidelities")).ToList();
        if (list.Distinct().Count() != list.Count) throw new ArgumentException($"[noise] fidelities: each fidelity may be listed once, got {p.Text("noise.fidelities")}");
        return list;
    }

    public static IReadOnlyList<double> MiBounds(ParamValues p)
    {
        var list = p.DoubleList("noise.mi_bounds");
        if (list.Any(m => !(m > 0)))
            throw new ArgumentException($"[noise] mi_bounds: every bound must be a positive number of nats, got {p.Text("noise.mi_bounds")}");
        if (list.Select(NoiseFileNames.Mi).Distinct().Count() != list.Count)
            throw new ArgumentException($"[noise] mi_bounds: each bound may be listed once, got {p.Text("noise.mi_bounds")}");
        return list;
    }

    static IEnumerable<UnitSpec> Expand(PlanContext ctx)
    {
        var sources = Sources(ctx);
        var fidelities = Fidelities(ctx.Params);
        var mis = MiBounds(ctx.Params);
        var units = new List<UnitSpec>();
        var slices = new List<string>();
        foreach (var f in fidelities)
        {
            var dir = AvatarSteps.NoiseDir(ctx, f.Name());
            string File(string relative) => AvatarSteps.NoiseFile(ctx, f.Name(), relative);
            string Slice(string id) => $"{dir}/summary/{id}.csv";
            // Only the original splits the rows into test batches, so only it reads test.batch_size.
            string[] assembly = f == NoiseFidelity.Original ? ["test.batch_size"] : [];
            int BatchSize(UnitContext u) => f == NoiseFidelity.Original ? u.Params.Int("test.batch_size") : 0;

            foreach (var s in sources)
            {
                units.Add(new UnitSpec($"{f.Name()}_l2norm_{s.Target}")
                {
                    Inputs = [s.Latents],
                    Outputs = [.. NoiseFileNames.DpStatisticsOutputs(s.Target).Select(File)],
                    Params = assembly,
                    Command = UnitCommand.InProcess(u =>
                    {
                        var norm = NoiseArtifacts.WriteL2Norm(u.PathOf(dir), s.Target, NoiseWork.Latents(u.PathOf(s.Latents), f, BatchSize(u)));
                        u.Log.Info($"{s.Target} ({f.Name()}): ||Z||_F = {norm:G6}");
                    }),
                });
                if (s.Pac)
                    units.Add(new UnitSpec($"{f.Name()}_svd_{s.Target}")
                    {
                        Inputs = [s.Latents],
                        Outputs = [.. NoiseFileNames.PacStatisticsOutputs(s.Target).Select(File)],
                        Params = assembly,
                        Command = UnitCommand.InProcess(u =>
                        {
                            var z = NoiseWork.Latents(u.PathOf(s.Latents), f, BatchSize(u));
                            var spectrum = NoiseArtifacts.WritePacStatistics(u.PathOf(dir), s.Target, z);
                            u.Log.Info($"{s.Target} ({f.Name()}): {z.GetLength(0)} x {z.GetLength(1)} latents, trace of covariance {spectrum.S.Sum():G6}, largest eigenvalue {spectrum.S[0]:G6}");
                        }),
                    });
            }

            foreach (var s in sources)
                foreach (var mi in mis)
                {
                    var dpId = $"{f.Name()}_dp_{s.Target}_mi{NoiseFileNames.Mi(mi)}";
                    var dpFile = File(NoiseFileNames.DpNoise(s.Target, mi));
                    slices.Add(Slice(dpId));
                    units.Add(new UnitSpec(dpId)
                    {
                        Inputs = [s.Latents],
                        Outputs = [dpFile, Slice(dpId)],
                        Params = f == NoiseFidelity.Original ? assembly : ["noise.classes", "noise.dp_clip_bound"],
                        Command = UnitCommand.InProcess(u =>
                        {
                            var options = f == NoiseFidelity.Original
                                ? new DpNoiseOptions(f, OriginalArtifact.EquationClasses, 0)
                                : new DpNoiseOptions(f, u.Params.Int("noise.classes"), u.Params.Double("noise.dp_clip_bound"));
                            if (f == NoiseFidelity.Original && OriginalArtifact.HardCodedPsr(mi) is null)
                                u.Log.Warning($"MI {mi}: the original hard-codes no PSR for it; using its own equation's root for K = 65 ({OriginalArtifact.PsrFor(mi):G6})");
                            var row = NoiseWork.WriteDp(u.PathOf(dir), s.Target, NoiseWork.Latents(u.PathOf(s.Latents), f, BatchSize(u)), mi, options, Relative(ctx, dpFile));
                            ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(Slice(dpId)), [row]);
                            u.Log.Info($"{s.Target} DP ({f.Name()}) MI {mi}: PSR {row.Psr:G4}, sensitivity {row.Sensitivity:G6}, sigma/sensitivity {row.NoiseMultiplier:G6}, file value {row.NoiseMax:G6}");
                        }),
                    });
                    if (!s.Pac) continue;
                    var pacId = $"{f.Name()}_pac_{s.Target}_mi{NoiseFileNames.Mi(mi)}";
                    var pacFile = File(NoiseFileNames.PacNoise(s.Target, mi));
                    var eigenvalues = File(NoiseFileNames.SvdS(s.Target));
                    slices.Add(Slice(pacId));
                    units.Add(new UnitSpec(pacId)
                    {
                        Inputs = [eigenvalues],
                        Outputs = [pacFile, Slice(pacId)],
                        Params = f == NoiseFidelity.Original ? [] : ["noise.classes"],   // classes only names the PSR in the summary row
                        Command = UnitCommand.InProcess(u =>
                        {
                            var classes = f == NoiseFidelity.Original ? OriginalArtifact.EquationClasses : u.Params.Int("noise.classes");
                            var lambda = Npy.Read(u.PathOf(eigenvalues)).ToDoubles();
                            var row = NoiseWork.WritePac(u.PathOf(dir), s.Target, lambda, mi, f, classes, Relative(ctx, pacFile));
                            ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(Slice(pacId)), [row]);
                            u.Log.Info($"{s.Target} PAC ({f.Name()}) MI {mi}: sum of noise variances {row.NoiseSum:G6}, largest {row.NoiseMax:G6}");
                        }),
                    });
                }
        }

        if (slices.Count > 0)
            units.Add(new UnitSpec("summary")
            {
                Inputs = slices,
                Outputs = [AvatarSteps.Results(ctx, ResultFamilies.NoiseSummary.FileName)],
                Params = [],
                Command = UnitCommand.InProcess(u =>
                {
                    var rows = slices.SelectMany(s => ResultCsv.ReadFile(ResultFamilies.NoiseSummary, u.PathOf(s))).ToList();
                    ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.NoiseSummary.FileName)), rows);
                    u.Log.Info($"{rows.Count} noise files -> {ResultFamilies.NoiseSummary.FileName}");
                }),
            });

        var radar = sources.Where(s => s.Pac && s.Target.Branch == LatentBranch.PartitionOffloaded).ToList();
        if (radar.Count > 0)
        {
            var inputs = fidelities.SelectMany(f => radar.SelectMany(s => new[] { s.Latents, AvatarSteps.NoiseFile(ctx, f.Name(), NoiseFileNames.Covariance(s.Target)), AvatarSteps.NoiseFile(ctx, f.Name(), NoiseFileNames.SvdU(s.Target)) }
                .Concat(mis.SelectMany(mi => new[] { AvatarSteps.NoiseFile(ctx, f.Name(), NoiseFileNames.DpNoise(s.Target, mi)), AvatarSteps.NoiseFile(ctx, f.Name(), NoiseFileNames.PacNoise(s.Target, mi)) }))))
                .Distinct().ToList();
            units.Add(new UnitSpec("vectors")
            {
                Inputs = inputs,
                Outputs = [AvatarSteps.Results(ctx, ResultFamilies.NoiseVectors.FileName)],
                Params = ["runtime.seed"],
                Command = UnitCommand.InProcess(u =>
                {
                    var seed = u.Params.Int("runtime.seed");
                    var rows = fidelities.SelectMany(f => radar.SelectMany(s => mis.SelectMany(mi =>
                        NoiseWork.Vectors(u.PathOf(AvatarSteps.NoiseDir(ctx, f.Name())), u.PathOf(s.Latents), s.Target, mi, f, seed)))).ToList();
                    ResultCsv.WriteFile(ResultFamilies.NoiseVectors, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.NoiseVectors.FileName)), rows);
                    u.Log.Info($"{rows.Count} rows -> {ResultFamilies.NoiseVectors.FileName}");
                }),
            });
        }

        units.Add(new UnitSpec("psr_bounds")
        {
            Outputs = [AvatarSteps.Results(ctx, ResultFamilies.PsrBounds.FileName)],
            Params = ["noise.fidelities", "noise.mi_bounds", "noise.classes"],
            Command = UnitCommand.InProcess(u =>
            {
                var rows = NoiseWork.PsrBounds(Fidelities(u.Params), MiBounds(u.Params), u.Params.Int("noise.classes")).ToList();
                ResultCsv.WriteFile(ResultFamilies.PsrBounds, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.PsrBounds.FileName)), rows);
                foreach (var r in rows)
                    u.Log.Info($"{r.Fidelity}: MI {r.Mi} nats -> PSR {r.Psr:G4} (K = {r.Classes}, prior {r.Prior:G4}{(r.Vacuous ? ", vacuous" : "")})");
            }),
        });
        return units;
    }

    /// <summary>A path in the profile tree, relative to the tree (as the summary table's file column names it).</summary>
    static string Relative(PlanContext ctx, string path) => path[(ctx.ArtifactRoot.Length + 1)..];
}
