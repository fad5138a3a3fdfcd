using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.StepDeclarations;

/// <summary>The MNIST study's declarations against the real cake.config: which units, which keys, which commands.</summary>
public sealed class MnistStepsTests
{
    static PipelinePlan Plan(string profile, Dictionary<string, string>? overrides = null) => StepPlans.Plan(profile, overrides);

    static List<string> Ids(PipelinePlan plan, string step) => plan.UnitsOf(step).Select(u => u.Id).ToList();

    [Fact]
    public void Should_Expand_Smoke_Into_One_Run_Per_Setting()
    {
        var plan = Plan("smoke");
        Assert.Equal(["mnist"], Ids(plan, "MnistData"));
        Assert.Equal(["nonprivate", "epsilon3", "sigma0.1"], Ids(plan, "MnistClassifiers"));
        Assert.Equal(["epsilon3", "sigma0.1"], Ids(plan, "MnistVae"));
        Assert.Equal(
            ["epsilon3_corrected_data", "epsilon3_corrected_classifier", "epsilon3_original_data", "epsilon3_original_classifier",
             "sigma0.1_corrected_data", "sigma0.1_corrected_classifier", "sigma0.1_original_data", "sigma0.1_original_classifier"],
            Ids(plan, "MnistSynthetic"));
        Assert.Equal(["tables"], Ids(plan, "MnistResults"));
    }

    [Fact]
    public void Should_Stamp_Only_The_Keys_Each_Run_Reads()
    {
        var plan = Plan("smoke");
        var units = plan.UnitsOf("MnistClassifiers").ToDictionary(u => u.Id);
        // the non-private run ignores every DP key; a fixed-σ run ignores δ and the accountant (its ε is computed at gather time)
        Assert.DoesNotContain("dpsgd.max_grad_norm", units["nonprivate"].Params.Keys);
        Assert.Contains("dpsgd.max_grad_norm", units["sigma0.1"].Params.Keys);
        Assert.DoesNotContain("dpsgd.delta", units["sigma0.1"].Params.Keys);
        Assert.Contains("dpsgd.delta", units["epsilon3"].Params.Keys);
        Assert.Contains("dpsgd.accountant", units["epsilon3"].Params.Keys);
        // the list keys choose the units, so no unit is stamped with them; threads never make a unit stale
        Assert.All(plan.Units.Where(u => u.Step.Name.StartsWith("Mnist", StringComparison.Ordinal)), u =>
        {
            Assert.DoesNotContain("dpsgd.noise_multipliers", u.Params.Keys);
            Assert.DoesNotContain("dpsgd.target_epsilons", u.Params.Keys);
            Assert.DoesNotContain("dpsgd.threads", u.Params.Keys);
        });
        var synth = plan.UnitsOf("MnistSynthetic").ToDictionary(u => u.Id);
        Assert.Contains("dpsgd.stats_noise_multiplier", synth["sigma0.1_corrected_data"].Params.Keys);
        Assert.DoesNotContain("dpsgd.stats_noise_multiplier", synth["sigma0.1_original_data"].Params.Keys);
        Assert.Equal(["dpsgd.accountant", "dpsgd.delta"], plan.UnitsOf("MnistResults").Single().Params.Keys.Order());
    }

    [Fact]
    public void Should_Render_Fixed_Sigma_And_Target_Epsilon_Commands()
    {
        var plan = Plan("smoke");
        var units = plan.UnitsOf("MnistClassifiers").ToDictionary(u => u.Id);
        Assert.Contains("mnist train-classifier --data artifacts/smoke/mnist/data --out artifacts/smoke/mnist/classifiers/sigma0.1 --noise-multiplier 0.1 --epochs 1", units["sigma0.1"].CommandText);
        Assert.Contains("--max-grad-norm 1.2 --sample-rate 0 --accounting-convention ours --noise reproducible --threads 1", units["sigma0.1"].CommandText);
        Assert.Contains("--target-epsilon 3 --epochs 1", units["epsilon3"].CommandText);
        Assert.Contains("--max-grad-norm 1.2 --sample-rate 0 --accounting-convention ours --noise reproducible --delta 1E-05 --accountant rdp", units["epsilon3"].CommandText);
        Assert.DoesNotContain("--noise-multiplier", units["nonprivate"].CommandText);
        Assert.DoesNotContain("--noise ", units["nonprivate"].CommandText);
        Assert.EndsWith("--threads 1", units["nonprivate"].CommandText);       // [dpsgd] threads, not the profile's runtime.threads
        var vae = plan.UnitsOf("MnistVae").Single(u => u.Id == "epsilon3");
        Assert.Contains("mnist train-vae", vae.CommandText);
        Assert.Contains("--latent-dim 20 --fidelity corrected", vae.CommandText);
        var synthetic = plan.UnitsOf("MnistSynthetic").Single(u => u.Id == "epsilon3_original_classifier");
        Assert.Contains("--train-dir artifacts/smoke/mnist/synthetic/epsilon3_original --out artifacts/smoke/mnist/synthetic/epsilon3_original/classifier --synthetic-epochs 1", synthetic.CommandText);
        Assert.DoesNotContain("--train-limit", synthetic.CommandText);       // the synthetic set is used whole
        Assert.Equal(["dpsgd.lr", "dpsgd.synthetic_batch_size", "dpsgd.synthetic_epochs", "mnist.test_limit", "runtime.seed"], synthetic.Params.Keys.Order());
        var data = plan.UnitsOf("MnistSynthetic").Single(u => u.Id == "epsilon3_original_data");
        Assert.Contains("--vae artifacts/smoke/mnist/vae/epsilon3 --out artifacts/smoke/mnist/synthetic/epsilon3_original --fidelity original --per-class 50", data.CommandText);
        Assert.Contains("artifacts/smoke/results/mnist_samples/epsilon3_original.png", data.Outputs);
        Assert.DoesNotContain("--stats-noise-multiplier", data.CommandText);
    }

    [Fact]
    public void Should_Wire_Every_Run_Into_The_Gather_Unit()
    {
        var plan = Plan("smoke");
        var tables = plan.UnitsOf("MnistResults").Single();
        Assert.Equal(["artifacts/smoke/results/mnist_dp_accuracy.csv", "artifacts/smoke/results/mnist_dp_curves.csv", "artifacts/smoke/results/mnist_synthetic.csv"], tables.Outputs);
        Assert.Contains("artifacts/smoke/mnist/classifiers/nonprivate/summary.json", tables.Inputs);
        Assert.Contains("artifacts/smoke/mnist/synthetic/sigma0.1_corrected/classifier/metrics.csv", tables.Inputs);
        Assert.Contains("artifacts/smoke/mnist/synthetic/epsilon3_original/synthesis.json", tables.Inputs);
        Assert.Contains("artifacts/smoke/mnist/vae/epsilon3/summary.json", tables.Inputs);
        // every input is some unit's declared output, so the DAG orders the gather after all of them
        var outputs = plan.Units.SelectMany(u => u.Outputs).ToHashSet();
        Assert.All(tables.Inputs, i => Assert.Contains(i, outputs));
        // 3 classifiers, 2 VAEs, 4 synthetic sets and the 4 classifiers trained on them
        Assert.Equal(13, tables.Upstream.Select(u => u.Name).Distinct().Count());
    }

    [Fact]
    public void Should_Add_Only_The_New_Runs_When_A_List_Grows()
    {
        var before = Plan("smoke");
        var after = Plan("smoke", new() { ["dpsgd_noise_multipliers"] = "0.1, 0.5" });
        var added = after.Units.Select(u => u.Name).Except(before.Units.Select(u => u.Name)).Order().ToList();
        Assert.Equal(
        [
            "MnistAudit[classifier_sigma0.5]", "MnistAudit[vae_sigma0.5]",
            "MnistClassifiers[sigma0.5]", "MnistSynthetic[sigma0.5_corrected_classifier]", "MnistSynthetic[sigma0.5_corrected_data]",
            "MnistSynthetic[sigma0.5_original_classifier]", "MnistSynthetic[sigma0.5_original_data]", "MnistVae[sigma0.5]",
        ], added);
        // the surviving runs keep identical stamps and commands; only the gather sees a new input set
        foreach (var u in before.Units.Where(u => u.Step.Name is "MnistClassifiers" or "MnistVae" or "MnistSynthetic"))
        {
            var v = after.Units.Single(x => x.Name == u.Name);
            Assert.Equal(u.CommandText, v.CommandText);
            Assert.Equal(u.Params, v.Params);
        }
    }

    [Theory]
    [InlineData("dpsgd_synthesis_fidelities", "corrected, leaky", "item leaky: expected corrected or original")]
    [InlineData("dpsgd_target_epsilons", "3, 3", "epsilon3 is listed twice")]
    [InlineData("dpsgd_noise_multipliers", "0, 0.1", "[dpsgd] noise_multipliers = 0, 0.1: item 0: expected a value above 0")]
    public void Should_Reject_Bad_Lists_Naming_The_Key(string key, string value, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => Plan("smoke", new() { [key] = value }));
        Assert.Contains(message, e.ToString());
    }

    [Fact]
    public void Should_Run_The_Full_Study_Grid_On_Full()
    {
        var plan = Plan("full");
        Assert.Equal(1 + 3 + 3, plan.UnitsOf("MnistClassifiers").Count());
        Assert.Equal(6, plan.UnitsOf("MnistVae").Count());
        Assert.Equal(6 * 2 * 2, plan.UnitsOf("MnistSynthetic").Count());
    }
}
