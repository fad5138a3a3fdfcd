using Privatar.Contracts;
using Privatar.Core;
using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Noisy inference (reference §5.1): the test of the baseline, direct split and every partition n with DP or PAC noise on the
/// latent each offloads (<c>privatar vae noisy-test</c>). Units: one clean reference over every model, and one per
/// fidelity and MI bound running that bound's DP and PAC files on every model (PAC: not for the baseline), so changing
/// one MI bound or adding a fidelity reruns only the units of that bound or fidelity. A unit covers all models because
/// starting a TorchSharp process costs more than testing one model on smoke (measured: ~3 s of ~6 s per unit); a
/// retrained model therefore reruns every unit. Slices go to noisy/, a gather unit writes results/noisy_inference.csv. A grid unit writes results/reconstruction_grid.csv and its PNGs: the photo,
/// the baseline and every partition n clean, and the largest n with DP and PAC noise at [noisy_inference] grid_mi
/// under the headline (first) fidelity.
/// </summary>
public static class NoisyInferenceStep
{
    static readonly string[] Test = ["test.batches", "test.batch_size", "test.lpips_weights", "runtime.seed", "train.threads", "runtime.device"];
    static readonly string[] Threads = ["runtime.seed", "train.threads", "runtime.device"];

    /// <summary>A model that offloads a latent: its unit id (train/&lt;id&gt;) and the noise files' target.</summary>
    sealed record Offloader(string Id, NoiseTarget Target, bool HasPac);

    static IReadOnlyList<Offloader> Offloaders(ParamValues p)
    {
        var variants = p.StringList("train.variants");
        var list = new List<Offloader>();
        if (variants.Contains("baseline")) list.Add(new("baseline", NoiseTarget.Baseline, false));
        if (variants.Contains("direct_split")) list.Add(new("direct_split", NoiseTarget.DirectSplit, true));
        list.AddRange(AvatarSteps.Models(p, VaeVariant.Partition).Select(m => new Offloader(m.Id, m.OffloadedTarget!.Value, true)));
        return list;
    }

    /// <summary>The noise files one (model, fidelity, MI) unit reads, relative to the fidelity's noise folder: what the verb reads.</summary>
    static IEnumerable<string> NoiseFiles(Offloader m, string fidelity, double mi) =>
        (m.HasPac ? new[] { NoiseKind.Dp, NoiseKind.Pac } : [NoiseKind.Dp])
            .SelectMany(k => NoiseFileNames.TransformFiles(k, m.Target, mi, NoiseFidelityText.Parse(fidelity)));

    /// <summary>Keys the noise of one fidelity depends on: corrected needs K (its PSR) and the DP clip bound.</summary>
    static string[] NoiseKeys(string fidelity) => fidelity == "corrected" ? ["noise.classes", "noise.dp_clip_bound"] : [];

    static object[] NoiseArgs(ParamValues p, string fidelity) => fidelity == "corrected"
        ? ["--classes", p.Int("noise.classes"), "--clip-bound", p.Double("noise.dp_clip_bound")]
        : [];

    public static StepSpec Spec => new("NoisyInference", "Test with DP/PAC noise on the offloaded latent per model, fidelity and MI bound; the reconstruction grid ([noise], [noisy_inference])")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Vae("NoisyInference", "NoisyCommand"),
        Params =
        [
            .. AvatarSteps.ListParams, P.DoubleList("noise.mi_bounds"), P.StringList("noise.fidelities"), P.Int("noise.classes"), P.Double("noise.dp_clip_bound"),
            P.Int("test.batches"), P.Int("test.batch_size"), P.String("test.lpips_weights"),
            P.Int("noisy_inference.grid_samples"), P.Double("noisy_inference.grid_mi"),
            P.Int("runtime.seed"), P.Int("train.threads").Unstamped(), P.String("runtime.device"),
            P.String(MnistSteps.Noise).OneOf(Privatar.Core.NoiseModes.Names),
        ],
        Units = ctx =>
        {
            var models = Offloaders(ctx.Params);
            var fidelities = ctx.Params.StringList("noise.fidelities");
            foreach (var f in fidelities) NoiseFidelityText.Parse(f, "[noise] fidelities");
            var bounds = ctx.Params.DoubleList("noise.mi_bounds");
            var units = new List<UnitSpec>();
            if (models.Count == 0) return units;   // no variant offloads a latent
            var slices = new List<string>();
            string[] checkpoints = [AvatarSteps.Manifest(ctx), .. models.SelectMany(m => new[] { $"{AvatarSteps.TrainDir(ctx, m.Id)}/best_model.pt", $"{AvatarSteps.TrainDir(ctx, m.Id)}/checkpoint.json" })];
            object[] Common(ParamValues p, string csv) =>
            [
                "vae", "noisy-test", "--data", AvatarSteps.Subject(ctx), "--out", csv, .. models.SelectMany(m => new object[] { "--checkpoint-dir", AvatarSteps.TrainDir(ctx, m.Id) }),
                "--batches", p.Int("test.batches"), "--batch-size", p.Int("test.batch_size"), "--lpips-weights", p.String("test.lpips_weights"),
                "--seed", p.Long("runtime.seed"), "--threads", p.Int("train.threads"), "--device", p.String("runtime.device"),
            ];
            var clean = ctx.Artifact("noisy/clean.csv");
            slices.Add(clean);
            units.Add(new UnitSpec("clean")
            {
                Inputs = checkpoints, Outputs = [clean], Params = Test,
                Command = UnitCommand.Privatar(p => Common(p, clean).Append("--mechanism").Append("none")),
            });
            foreach (var f in fidelities)
                foreach (var mi in bounds)
                {
                    var csv = ctx.Artifact($"noisy/{f}_mi{NoiseFileNames.Mi(mi)}.csv");
                    slices.Add(csv);
                    units.Add(new UnitSpec($"{f}_mi{NoiseFileNames.Mi(mi)}")
                    {
                        Inputs = [.. checkpoints, .. models.SelectMany(m => NoiseFiles(m, f, mi)).Distinct().Select(n => AvatarSteps.NoiseFile(ctx, f, n))],
                        Outputs = [csv],
                        Params = [.. Test, .. NoiseKeys(f), MnistSteps.Noise],
                        Release = MnistSteps.IsRelease(ctx.Params),
                        Command = UnitCommand.Privatar(p => Common(p, csv).Concat(new object[]
                        {
                            "--mechanism", "dp", "--mechanism", "pac", "--noise-dir", AvatarSteps.NoiseDir(ctx, f), "--fidelity", f, "--mi", mi,
                            "--noise", p.String(MnistSteps.Noise),
                        }).Concat(NoiseArgs(p, f))),
                    });
                }
            var family = AvatarSteps.Results(ctx, "noisy_inference.csv");
            units.Add(new UnitSpec("noisy_inference")
            {
                Inputs = slices, Outputs = [family], Params = [],
                Command = UnitCommand.Privatar(_ => new object[] { "vae", "noisy-gather", "--out", family }.Concat(slices)),
            });
            if (GridUnit(ctx, models, fidelities, bounds) is { } grid) units.Add(grid);
            return units;
        },
    };

    /// <summary>The grid: photo, baseline and partitions clean, the largest n with DP and PAC noise (headline fidelity, grid_mi).</summary>
    static UnitSpec? GridUnit(PlanContext ctx, IReadOnlyList<Offloader> models, IReadOnlyList<string> fidelities, IReadOnlyList<double> bounds)
    {
        var partitions = models.Where(m => m.Target.Branch == LatentBranch.PartitionOffloaded && m.Id != "direct_split").ToList();
        if (partitions.Count == 0) return null;   // the grid compares partitions; without any there is nothing to show
        var clean = models.Where(m => m.Id == "baseline").Concat(partitions).ToList();
        var noisy = partitions.MaxBy(m => m.Target.OffloadedComponents)!;
        var fidelity = fidelities[0];
        var mi = ctx.Params.Double("noisy_inference.grid_mi");
        if (!bounds.Contains(mi))
            throw new ArgumentException($"[noisy_inference] grid_mi = {Invariant.Format(mi)}: expected one of [noise] mi_bounds ({string.Join(", ", bounds.Select(Invariant.Format))})");
        var samples = ctx.Params.Int("noisy_inference.grid_samples");
        if (samples < 1) throw new ArgumentException($"[noisy_inference] grid_samples = {samples}: expected at least 1");
        var results = AvatarSteps.Results(ctx, "");
        var columns = clean.Count + 3;   // photo, clean models, dp and pac
        var images = Enumerable.Range(0, samples).SelectMany(i => Enumerable.Range(0, columns).Select(j => AvatarSteps.Results(ctx, $"reconstruction_grid/r{i}_c{j}.png")));
        string Train(Offloader m) => AvatarSteps.TrainDir(ctx, m.Id);
        var grid = new Offloader(noisy.Id, noisy.Target, HasPac: true);
        return new UnitSpec("reconstruction_grid")
        {
            Inputs =
            [
                AvatarSteps.Manifest(ctx), .. clean.Append(noisy).Distinct().SelectMany(m => new[] { $"{Train(m)}/best_model.pt", $"{Train(m)}/checkpoint.json" }),
                .. NoiseFiles(grid, fidelity, mi).Select(n => AvatarSteps.NoiseFile(ctx, fidelity, n)),
            ],
            Outputs = [AvatarSteps.Results(ctx, "reconstruction_grid.csv"), .. images],
            Params = ["noisy_inference.grid_samples", "noisy_inference.grid_mi", .. Threads, .. NoiseKeys(fidelity), MnistSteps.Noise],
            Release = MnistSteps.IsRelease(ctx.Params),
            Command = UnitCommand.Privatar(p => new object[]
            {
                "vae", "noisy-grid", "--data", AvatarSteps.Subject(ctx), "--results", results.TrimEnd('/'),
                "--noisy", Train(noisy), "--noise-dir", AvatarSteps.NoiseDir(ctx, fidelity), "--fidelity", fidelity, "--mi", mi,
                "--samples", p.Int("noisy_inference.grid_samples"), "--seed", p.Long("runtime.seed"), "--threads", p.Int("train.threads"),
                "--device", p.String("runtime.device"), "--noise", p.String(MnistSteps.Noise),
            }.Concat(clean.SelectMany(m => new object[] { "--clean", Train(m) })).Concat(NoiseArgs(p, fidelity))),
        };
    }
}
