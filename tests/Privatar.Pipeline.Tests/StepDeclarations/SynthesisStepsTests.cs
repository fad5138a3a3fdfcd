using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.StepDeclarations;

/// <summary>The synthesis benchmark's declarations against the real cake.config: units, keys, commands, incrementality.</summary>
public sealed class SynthesisStepsTests
{
    static PipelinePlan Plan(string profile, Dictionary<string, string>? overrides = null) => StepPlans.Plan(profile, overrides);

    static List<string> Ids(PipelinePlan plan, string step) => plan.UnitsOf(step).Select(u => u.Id).ToList();

    [Fact]
    public void Should_Expand_Smoke_Into_Every_Unit_Kind()
    {
        var plan = Plan("smoke");
        Assert.Equal(["mnist"], Ids(plan, "SynthesisData"));
        Assert.Equal(["mnist"], Ids(plan, "SynthesisEvaluator"));
        Assert.Equal(["mnist_dp-merf_eps1"], Ids(plan, "SynthesisDpMerf"));
        Assert.Equal(["mnist_dp-cgan_eps1"], Ids(plan, "SynthesisDpCgan"));
        Assert.Equal(["mnist_dpdm-k1_eps1", "mnist_dpdm_eps1"], Ids(plan, "SynthesisDpdm"));   // the ablation's longer unit starts first
        Assert.Equal(["mnist_dpdm_eps1_r1", "mnist_dpdm-k1_eps1_r1"], Ids(plan, "SynthesisDpdmReplicates"));
        Assert.Equal(["mnist_dp-vae-corrected_eps1", "mnist_dp-vae-original_eps1"], Ids(plan, "SynthesisDpVae"));
        Assert.Equal(["mnist_g-pate_eps1"], Ids(plan, "SynthesisGPate"));
        Assert.Equal(["mnist_datalens_eps1"], Ids(plan, "SynthesisDataLens"));
        Assert.Equal(["mnist_gs-wgan_eps1"], Ids(plan, "SynthesisGsWgan"));
        Assert.Equal(["mnist_psg_eps1"], Ids(plan, "SynthesisPsg"));
        Assert.Equal(["mnist_real_data", "mnist_dp-merf_eps1", "mnist_dp-cgan_eps1", "mnist_dpdm_eps1", "mnist_dp-vae-corrected_eps1", "mnist_dp-vae-original_eps1",
                "mnist_g-pate_eps1", "mnist_datalens_eps1", "mnist_gs-wgan_eps1", "mnist_psg_eps1", "mnist_dpdm-k1_eps1", "mnist_dpdm_eps1_r1", "mnist_dpdm-k1_eps1_r1", "synthesis"],
            Ids(plan, "SynthesisEvaluate"));
    }

    [Fact]
    public void Should_Plan_DPDM_Per_Dataset_And_Epsilon_Plus_The_K_Ablation_At_One_Epsilon()
    {
        var plan = Plan("functional");
        var dpdm = plan.UnitsOf("SynthesisDpdm").ToDictionary(u => u.Id);
        // functional: K = 1 for the releases, the ablation at K = 4 on MNIST
        Assert.Equal(new[] { "mnist_dpdm_eps1", "fashion_mnist_dpdm_eps1", "mnist_dpdm_eps10", "fashion_mnist_dpdm_eps10", "mnist_dpdm-k4_eps10" }.Order(),
            dpdm.Keys.Order());
        var main = dpdm["mnist_dpdm_eps10"];
        var ablation = dpdm["mnist_dpdm-k4_eps10"];
        Assert.Contains("--method dpdm ", main.CommandText + " ");
        Assert.Contains("--noise-levels 1", main.CommandText);
        Assert.Contains("--method dpdm-k4", ablation.CommandText);
        Assert.DoesNotContain("--noise-levels", ablation.CommandText);                  // the id fixes K
        Assert.DoesNotContain("dpdm.noise_levels", ablation.Params.Keys);
        // everything else equal: the same keys and values but K, the same target ε, data and seed
        Assert.Equal(main.Params.Where(kv => kv.Key != "dpdm.noise_levels"), ablation.Params);
        Assert.Equal(main.CommandText.Replace(" --noise-levels 1", "").Replace("dpdm_eps10", "dpdm-k4_eps10").Replace("--method dpdm ", "--method dpdm-k4 "),
            ablation.CommandText);
        Assert.Contains("mnist_dpdm-k4_eps10", Ids(plan, "SynthesisEvaluate"));

        var without = Plan("functional", new() { ["synthesis_methods"] = "dp-merf, dp-cgan" });
        Assert.Empty(without.UnitsOf("SynthesisDpdm"));
        Assert.DoesNotContain(Ids(without, "SynthesisEvaluate"), id => id.Contains("dpdm", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Draw_Replicates_Of_Every_Compared_Set_From_Its_Denoiser_And_Evaluate_Each()
    {
        var plan = Plan("functional");
        var release = plan.UnitsOf("SynthesisDpdm").Single(u => u.Id == "mnist_dpdm-k4_eps10");
        Assert.Contains(release.Outputs, o => o.EndsWith("/mnist/dpdm-k4_eps10/denoiser.pt", StringComparison.Ordinal));
        Assert.Contains(release.Outputs, o => o.EndsWith("/mnist/dpdm-k4_eps10/denoiser.json", StringComparison.Ordinal));

        var replicates = plan.UnitsOf("SynthesisDpdmReplicates").ToDictionary(u => u.Id);
        Assert.Equal(new[] { "mnist_dpdm_eps10_r1", "mnist_dpdm_eps10_r2", "mnist_dpdm-k4_eps10_r1", "mnist_dpdm-k4_eps10_r2" }.Order(), replicates.Keys.Order());
        var r2 = replicates["mnist_dpdm-k4_eps10_r2"];
        Assert.Contains("synthesis dpdm-sample", r2.CommandText);
        Assert.Contains("--replicate 2", r2.CommandText);
        Assert.Contains("/mnist/dpdm-k4_eps10 ", r2.CommandText + " ");
        Assert.Subset(release.Outputs.ToHashSet(), r2.Inputs.ToHashSet());
        Assert.Contains(r2.Outputs, o => o.EndsWith("/mnist/dpdm-k4_eps10_r2/images.npy", StringComparison.Ordinal));
        // sampling reads the sampler's keys and the release size only: the training keys reach it through the release's files
        Assert.Equal(["dpdm.guidance", "dpdm.sampler_steps", "synthesis.samples"], r2.Params.Keys.Order());

        var evaluate = Ids(plan, "SynthesisEvaluate");
        Assert.Contains("mnist_dpdm-k4_eps10_r2", evaluate);
        Assert.Contains("mnist_dpdm_eps10_r1", evaluate);
        var gather = plan.UnitsOf("SynthesisEvaluate").Single(u => u.Id == "synthesis");
        Assert.Contains(gather.Outputs, o => o.EndsWith("/synthesis_ablation.csv", StringComparison.Ordinal));
        Assert.Contains("--noise-levels 1", gather.CommandText);

        // a fourth replicate adds its two draws, their evaluations and the gather, nothing else
        var more = Plan("functional", new() { ["dpdm_ablation_replicates"] = "4" });
        string Key(Unit u) => $"{u.Step.Name}[{u.Id}] {u.CommandText} {string.Join(";", u.Params.Select(kv => $"{kv.Key}={kv.Value}"))}";
        var old = plan.Units.Select(Key).ToHashSet();
        var added = more.Units.Where(u => u.Step.Name.StartsWith("Synthesis", StringComparison.Ordinal) && !old.Contains(Key(u))).Select(u => $"{u.Step.Name}[{u.Id}]").Order();
        Assert.Equal(new[] { "SynthesisDpdmReplicates[mnist_dpdm_eps10_r3]", "SynthesisDpdmReplicates[mnist_dpdm-k4_eps10_r3]",
            "SynthesisEvaluate[mnist_dpdm_eps10_r3]", "SynthesisEvaluate[mnist_dpdm-k4_eps10_r3]", "SynthesisEvaluate[synthesis]" }.Order(), added);
    }

    [Theory]
    [InlineData("dpdm_ablation_epsilon", "5", "ablation_epsilon: 5 is not in [synthesis] target_epsilons")]
    [InlineData("synthesis_datasets", "fashion_mnist", "ablation_datasets: 'mnist' is not in [synthesis] datasets")]
    [InlineData("dpdm_ablation_noise_levels", "1, 4", "ablation_noise_levels: K = 1 is dpdm.noise_levels")]
    public void Should_Refuse_An_Ablation_With_Nothing_To_Compare_Against(string key, string value, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => Plan("functional", new() { [key] = value }).UnitsOf("SynthesisDpdmReplicates").ToList());
        Assert.Contains(message, e.ToString());
    }

    [Fact]
    public void Should_Stamp_Only_The_Keys_Each_Generator_Reads()
    {
        var plan = Plan("functional");
        var merf = plan.UnitsOf("SynthesisDpMerf").ToDictionary(u => u.Id);
        Assert.Contains("dp_merf.rff_sigma_mnist", merf["mnist_dp-merf_eps1"].Params.Keys);
        Assert.DoesNotContain("dp_merf.rff_sigma_fashion_mnist", merf["mnist_dp-merf_eps1"].Params.Keys);
        Assert.Contains("--rff-sigma 127", merf["fashion_mnist_dp-merf_eps10"].CommandText);
        var vae = plan.UnitsOf("SynthesisDpVae").ToDictionary(u => u.Id);
        Assert.Contains("dp_vae.stats_clip", vae["mnist_dp-vae-corrected_eps1"].Params.Keys);
        Assert.DoesNotContain("dp_vae.stats_clip", vae["mnist_dp-vae-original_eps1"].Params.Keys);
        Assert.DoesNotContain("--stats-clip", vae["mnist_dp-vae-original_eps1"].CommandText);
        var gan = plan.UnitsOf("SynthesisGsWgan").ToDictionary(u => u.Id);
        Assert.Equal(["fashion_mnist_gs-wgan_eps1", "fashion_mnist_gs-wgan_eps10", "mnist_gs-wgan_eps1", "mnist_gs-wgan_eps10"], gan.Keys.Order());
        Assert.Contains("gs_wgan.shards", gan["mnist_gs-wgan_eps10"].Params.Keys);
        Assert.DoesNotContain(gan["mnist_gs-wgan_eps10"].Params.Keys, k => k.StartsWith("psg.", StringComparison.Ordinal) || k.StartsWith("dp_cgan.", StringComparison.Ordinal));
        Assert.Contains("synthesis gs-wgan", gan["mnist_gs-wgan_eps10"].CommandText);
        var psg = plan.UnitsOf("SynthesisPsg").ToDictionary(u => u.Id);
        Assert.Contains("psg.samples_per_class", psg["fashion_mnist_psg_eps1"].Params.Keys);
        Assert.DoesNotContain(psg["fashion_mnist_psg_eps1"].Params.Keys, k => k.StartsWith("gs_wgan.", StringComparison.Ordinal));
        Assert.Contains("--samples-per-class 10", psg["fashion_mnist_psg_eps1"].CommandText);
        Assert.All(plan.Units.Where(u => u.Step.Name.StartsWith("Synthesis", StringComparison.Ordinal)), u =>
        {
            Assert.DoesNotContain("synthesis.target_epsilons", u.Params.Keys);   // the list chooses units; no unit reads it
            Assert.DoesNotContain("synthesis.threads", u.Params.Keys);           // threads never make a unit stale
        });
    }

    [Fact]
    public void Should_Add_Only_The_New_Units_When_An_Epsilon_Is_Added()
    {
        var before = Plan("functional");
        var after = Plan("functional", new() { ["synthesis_target_epsilons"] = "1, 5, 10" });
        string Key(Unit u) => $"{u.Step.Name}[{u.Id}] {u.CommandText} {string.Join(";", u.Params.Select(kv => $"{kv.Key}={kv.Value}"))}";
        var old = before.Units.Select(Key).ToHashSet();
        // (Report, which records the whole configuration, reruns on any change; the benchmark's own units are checked here)
        var added = after.Units.Where(u => u.Step.Name.StartsWith("Synthesis", StringComparison.Ordinal) && !old.Contains(Key(u))).Select(u => $"{u.Step.Name}[{u.Id}]").Order().ToList();
        var expected = new[] { "mnist", "fashion_mnist" }.SelectMany(d => new[] { "dp-merf", "dp-cgan", "dpdm", "dp-vae-corrected", "dp-vae-original", "g-pate", "datalens", "gs-wgan", "psg" }
                .SelectMany(m => new[] { $"{Step(m)}[{d}_{m}_eps5]", $"SynthesisEvaluate[{d}_{m}_eps5]" }))
            .Append("SynthesisEvaluate[synthesis]").Order().ToList();
        Assert.Equal(expected, added);
    }

    static string Step(string method) => method switch
    {
        "dp-merf" => "SynthesisDpMerf",
        "dp-cgan" => "SynthesisDpCgan",
        "g-pate" => "SynthesisGPate",
        "datalens" => "SynthesisDataLens",
        "dpdm" => "SynthesisDpdm",
        "gs-wgan" => "SynthesisGsWgan",
        "psg" => "SynthesisPsg",
        _ => "SynthesisDpVae",
    };
}
