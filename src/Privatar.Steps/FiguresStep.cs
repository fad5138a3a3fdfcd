using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Results;

namespace Privatar.Steps;

/// <summary>
/// One unit per figure (<c>privatar figures render --figure &lt;name&gt;</c>), each reading exactly
/// the result files its recipe reads and the [figures] plot settings, writing figures/&lt;name&gt;.png, .svg and .json.
/// A figure is planned only when every file it reads is declared as an output by a step registered before this one
/// (<see cref="PlanContext.IsProduced"/>): a build without, say, the Attack step plans no attack figures, and they
/// appear as soon as that step is in <see cref="StepCatalog"/>. Changing a plot setting reruns only these units.
/// The synthesis benchmark's figures (one group per [synthesis] dataset) are the SynthesisFigures step's.
/// </summary>
public static class FiguresStep
{
    /// <summary>A planned figure: its name (= unit id = file stem) and the result files it reads.</summary>
    public sealed record Declared(string Name, IReadOnlyList<string> Sources);

    /// <summary>
    /// The fixed figures and their sources, as their recipes in src/Privatar.Figures declare them (a test keeps the two
    /// equal). fig10/fig11 (TEE latency breakdowns) are not planned: the capacity model writes no TEE rows.
    /// </summary>
    public static readonly IReadOnlyList<Declared> Fixed =
    [
        new("fig00_users_vs_offloaded", ["capacity.csv"]),
        new("fig02_covariance_per_component_original", ["frequency_covariance.csv"]),
        new("fig02_covariance_per_component_corrected", ["frequency_covariance.csv"]),
        new("fig03_covariance_pie_original", ["frequency_covariance.csv"]),
        new("fig03_covariance_pie_corrected", ["frequency_covariance.csv"]),
        new("fig04_accuracy_capacity_quest_pro", ["capacity.csv", "test_metrics.csv", "noisy_inference.csv"]),
        new("fig05_accuracy_capacity_quest_3", ["capacity.csv", "test_metrics.csv", "noisy_inference.csv"]),
        new("fig06_total_users_quest_3", ["capacity.csv"]),
        new("fig06_total_users_quest_pro", ["capacity.csv"]),
        new("fig07_latency_breakdown_quest_3", ["capacity.csv"]),
        new("fig08_latency_breakdown_quest_pro", ["capacity.csv"]),
        new("fig12_reconstruction_loss_vs_offloaded_pac", ["noisy_inference.csv", "test_metrics.csv"]),
        new("fig12_reconstruction_loss_vs_offloaded_dp", ["noisy_inference.csv", "test_metrics.csv"]),
        new("fig13_psr_vs_offloaded_empirical_pac", ["attacks.csv"]),
        new("fig13_psr_vs_offloaded_nn_pac", ["attacks.csv"]),
        new("fig13_psr_vs_offloaded_nn_adaptive_pac", ["attacks.csv"]),
        new("fig14_noise_magnitude_dp_vs_pac_original", ["noise_summary.csv"]),
        new("fig14_noise_magnitude_dp_vs_pac_corrected", ["noise_summary.csv"]),
        new("fig15_noise_radar_dp_corrected", ["noise_vectors.csv"]),
        new("fig16_pac_noise_radar_corrected", ["noise_vectors.csv"]),
        new("extra_fidelity_noise_magnitude", ["noise_summary.csv"]),
        new("extra_fidelity_attack_success_pac", ["attacks.csv"]),
        new("extra_fidelity_attack_success_dp", ["attacks.csv"]),
        new("extra_mnist_dp_accuracy_vs_epsilon", ["mnist_dp_accuracy.csv"]),
        new("extra_privacy_audit", ["privacy_audit.csv"]),
        new("extra_mnist_dp_training_curves", ["mnist_dp_curves.csv"]),
        new("extra_reconstruction_grid", [GridCsv]),
    ];

    public const string GridCsv = "reconstruction_grid.csv";

    public const string SynthesisCsv = "synthesis.csv";

    /// <summary>
    /// The synthesis benchmark's figures of one dataset, as FigureCatalog.Synthesis names them (a test keeps the two
    /// equal), and whether the figure also reads the sets' sample grids. Each reads synthesis.csv.
    /// </summary>
    public static IReadOnlyList<(string Name, bool Samples)> SynthesisFigures(string dataset) =>
    [
        ($"extra_synthesis_seed_table_{dataset}", false), ($"extra_synthesis_accuracy_vs_epsilon_{dataset}", false),
        ($"extra_synthesis_fid_vs_epsilon_{dataset}", false), ($"extra_synthesis_samples_{dataset}", true),
    ];

    /// <summary>DPDM's noise-multiplicity figures of one ablation dataset, as FigureCatalog.SynthesisAblation names them; each reads synthesis_ablation.csv.</summary>
    public static IReadOnlyList<string> SynthesisAblationFigures(string dataset) =>
        [$"extra_synthesis_accuracy_vs_k_{dataset}", $"extra_synthesis_fid_vs_k_{dataset}"];

    /// <summary>The [figures] keys the verb reads (<see cref="FiguresRenderArgs"/>): what a plot looks like, never what it shows.</summary>
    public static IReadOnlyList<string> StyleKeys => ContractCodec.Keys<FiguresRenderArgs>();

    public static string Dir(PlanContext c) => c.Artifact("figures");

    public static StepSpec Spec => Step("Figures", "Every paper figure (and the extras) from the result CSVs, PNG + SVG under artifacts/<profile>/figures/",
        AvatarSteps.ListParams, Planned);

    /// <summary>
    /// The synthesis benchmark's figures, a step of their own right after its results, so that the benchmark alone
    /// (<c>--target=Synthesis</c>) draws them without the avatar steps the other figures read. Same verb and folder.
    /// </summary>
    public static StepSpec SynthesisSpec => Step("SynthesisFigures", "The DP synthesis benchmark's figures per [synthesis] dataset, beside the others under artifacts/<profile>/figures/",
        SynthesisSteps.FigureParams, PlannedSynthesis);

    static StepSpec Step(string name, string description, ParamSpec[] listParams, Func<PlanContext, IReadOnlyList<PlannedFigure>> planned) => new(name, description)
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("Figures", ["Privatar.Figures"], "ResultsCommand"),   // both steps are declared in this file
        Params = VerbCommand.Distinct(listParams, VerbCommand.Params<FiguresRenderArgs>()),
        Units = ctx => planned(ctx).Select(f => new UnitSpec(f.Name)
        {
            Inputs = f.Inputs,
            Outputs = [.. new[] { "png", "svg", "json" }.Select(ext => $"{Dir(ctx)}/{f.Name}.{ext}")],
            Params = [.. StyleKeys],
            Command = VerbCommand.Command(new FiguresRenderArgs { Figure = f.Name, Results = AvatarSteps.Results(ctx, ""), Out = Dir(ctx), CaptionProfile = ctx.Profile }),
        }),
    };

    /// <summary>A figure unit to plan: its name and every file it reads (result CSVs, and the grid's PNG tiles).</summary>
    public sealed record PlannedFigure(string Name, IReadOnlyList<string> Inputs);

    /// <summary>The figures whose sources the plan produces, in catalog order, then one training-curves figure per model.</summary>
    public static IReadOnlyList<PlannedFigure> Planned(PlanContext ctx)
    {
        string R(string file) => AvatarSteps.Results(ctx, file);
        var list = new List<PlannedFigure>();
        foreach (var f in Fixed.Where(f => f.Sources.All(s => ctx.IsProduced(R(s)))))
        {
            var inputs = f.Sources.Select(R).ToList();
            if (f.Sources.Contains(GridCsv))
            {
                // the tiles: every PNG the grid's producer declares under results/
                var producer = ctx.Upstream.First(u => u.Outputs.Contains(R(GridCsv)));
                inputs.AddRange(producer.Outputs.Where(o => o.StartsWith(R(""), StringComparison.Ordinal) && o.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            }
            list.Add(new PlannedFigure(f.Name, inputs));
        }
        if (ctx.IsProduced(R("training_curves.csv")))
            list.AddRange(AvatarSteps.Models(ctx.Params).Select(m => new PlannedFigure(TrainingCurvesName(m), [R("training_curves.csv")])));
        return list;
    }

    /// <summary>The synthesis figures of each [synthesis] dataset, when the plan produces synthesis.csv, then the ablation's of each of its datasets.</summary>
    public static IReadOnlyList<PlannedFigure> PlannedSynthesis(PlanContext ctx)
    {
        var csv = AvatarSteps.Results(ctx, SynthesisCsv);
        if (!ctx.IsProduced(csv)) return [];
        var list = new List<PlannedFigure>();
        foreach (var dataset in SynthesisSteps.DatasetList(ctx.Params))
        {
            // the gallery's tiles: every sample grid a generator unit declares for this dataset (releases, not the ablation's replicates)
            var sets = SynthesisSteps.Paths(ctx).Sets(dataset) + "/";
            var samples = ctx.Upstream.Where(u => u.Step != SynthesisSteps.ReplicatesStep).SelectMany(u => u.Outputs).Where(o => o.StartsWith(sets, StringComparison.Ordinal) && o.EndsWith("/" + SynthesisPaths.SamplesFile, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            list.AddRange(SynthesisFigures(dataset).Select(f => new PlannedFigure(f.Name, f.Samples ? [csv, .. samples] : [csv])));
        }
        var ablation = AvatarSteps.Results(ctx, ResultFamilies.SynthesisAblation.FileName);
        if (ctx.IsProduced(ablation))
            list.AddRange(from d in SynthesisSteps.AblationDatasetList(ctx.Params) from f in SynthesisAblationFigures(d) select new PlannedFigure(f, [ablation]));
        return list;
    }

    /// <summary>
    /// <c>extra_training_curves_&lt;variant&gt;_&lt;config&gt;</c> with the variant and config as training_curves.csv spells
    /// them (SCHEMAS.md: sparsity, frequency_decompose; default, bits8, ratio0.5, n8).
    /// </summary>
    public static string TrainingCurvesName(ModelConfig m) => $"extra_training_curves_{m.ResultVariant}_{m.ResultConfig}";
}
