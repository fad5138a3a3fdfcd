using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.StepDeclarations;

/// <summary>The audit step's declarations against the real cake.config: its units, keys, commands, gather and figure.</summary>
public sealed class MnistAuditStepTests
{
    static Dictionary<string, Unit> Units(PipelinePlan plan) => plan.UnitsOf("MnistAudit").ToDictionary(u => u.Id);

    [Fact]
    public void Should_Audit_Each_Model_Without_DP_And_At_Each_Study_Setting_Then_Gather()
    {
        var plan = StepPlans.Plan("smoke");
        Assert.Equal(
            ["classifier_nonprivate", "classifier_epsilon3", "classifier_sigma0.1", "vae_nonprivate", "vae_epsilon3", "vae_sigma0.1", "privacy_audit"],
            plan.UnitsOf("MnistAudit").Select(u => u.Id));
        var gather = Units(plan)["privacy_audit"];
        Assert.Equal(["artifacts/smoke/results/privacy_audit.csv"], gather.Outputs);
        Assert.Contains("artifacts/smoke/mnist/audit/vae/sigma0.1/audit.json", gather.Inputs);
        Assert.Equal(6, gather.Upstream.Count);
        Assert.Equal(["dpsgd.accountant", "dpsgd.delta"], gather.Params.Keys.Order());
        Assert.StartsWith("privatar mnist audit-gather --results artifacts/smoke/results --audit artifacts/smoke/mnist/audit/classifier/nonprivate --audit ", gather.CommandText);
        // the audit reads only the MNIST data: its task runs after MnistData and nothing else of the study
        Assert.All(Units(plan).Values.Where(u => u.Id != "privacy_audit"), u =>
            Assert.Equal(["MnistData"], u.Upstream.Select(x => x.Step.Name).Distinct()));
    }

    [Fact]
    public void Should_Stamp_Only_The_Keys_Each_Audit_Reads()
    {
        var units = Units(StepPlans.Plan("smoke"));
        var nonprivate = units["classifier_nonprivate"].Params.Keys.ToList();
        Assert.Contains("audit.canaries", nonprivate);
        Assert.Contains("dpsgd.delta", nonprivate);             // the bound itself depends on δ
        foreach (var dpOnly in new[] { "dpsgd.max_grad_norm", "dpsgd.accountant", "runtime.noise", "dpsgd.accounting_convention" })
        {
            Assert.DoesNotContain(dpOnly, nonprivate);
            Assert.Contains(dpOnly, units["classifier_sigma0.1"].Params.Keys);
        }
        Assert.DoesNotContain("dpsgd.latent_dim", units["classifier_sigma0.1"].Params.Keys);
        Assert.Contains("dpsgd.latent_dim", units["vae_nonprivate"].Params.Keys);
        Assert.Contains("dpsgd.vae_fidelity", units["vae_epsilon3"].Params.Keys);
        Assert.All(units.Values, u =>
        {
            Assert.DoesNotContain("audit.models", u.Params.Keys);          // the lists choose units; no unit reads them
            Assert.DoesNotContain("dpsgd.noise_multipliers", u.Params.Keys);
            Assert.DoesNotContain("dpsgd.threads", u.Params.Keys);          // threads never make a unit stale
            Assert.DoesNotContain("dpsgd.epochs", u.Params.Keys);           // the audit's runs have their own [audit] epochs
        });
    }

    [Fact]
    public void Should_Render_The_Contract_With_The_Profiles_Values()
    {
        var units = Units(StepPlans.Plan("smoke"));
        Assert.StartsWith("privatar mnist audit --data artifacts/smoke/mnist/data --out artifacts/smoke/mnist/audit/classifier/sigma0.1 --model classifier --noise-multiplier 0.1 " +
                          "--canaries 200 --guesses 50 --confidence 0.95 --mia-examples 500 --classifier-epochs 1 --lr 0.001 ", units["classifier_sigma0.1"].CommandText);
        Assert.Contains("--vae-epochs 20 --lr", units["vae_nonprivate"].CommandText);
        Assert.DoesNotContain("--vae-epochs", units["classifier_sigma0.1"].CommandText);
        Assert.Contains("--target-epsilon 3 ", units["vae_epsilon3"].CommandText);
        Assert.Contains("--model vae", units["vae_epsilon3"].CommandText);
        Assert.Contains("--latent-dim 20 --vae-fidelity corrected", units["vae_epsilon3"].CommandText);
        var np = units["classifier_nonprivate"].CommandText;
        Assert.DoesNotContain("--noise-multiplier", np);
        Assert.DoesNotContain("--max-grad-norm", np);
        Assert.DoesNotContain("--latent-dim", np);
        Assert.EndsWith("--threads 1", np);
    }

    [Fact]
    public void Should_Add_Only_The_New_Audits_When_A_Study_Setting_Is_Added()
    {
        Assert.Equal(["classifier_sigma0.5", "privacy_audit", "vae_sigma0.5"], StepPlans.Changed("MnistAudit", new() { ["dpsgd_noise_multipliers"] = "0.1, 0.5" }));
        // an audit setting reruns every audit and the gather; a VAE key only the VAE's audits
        Assert.Equal(["vae_epsilon3", "vae_nonprivate", "vae_sigma0.1"], StepPlans.Changed("MnistAudit", new() { ["dpsgd_latent_dim"] = "8" }));
        Assert.Equal(["classifier_epsilon3", "classifier_nonprivate", "classifier_sigma0.1"], StepPlans.Changed("MnistAudit", new() { ["audit_classifier_epochs"] = "2" }));
        Assert.Equal(["classifier_epsilon3", "classifier_sigma0.1", "privacy_audit", "vae_epsilon3", "vae_sigma0.1"],
            StepPlans.Changed("MnistAudit", new() { ["dpsgd_accountant"] = "prv" }));
    }

    [Fact]
    public void Should_Audit_Only_The_Listed_Models_And_Refuse_Unknown_Ones()
    {
        var plan = StepPlans.Plan("smoke", new() { ["audit_models"] = "classifier" });
        Assert.Equal(["classifier_nonprivate", "classifier_epsilon3", "classifier_sigma0.1", "privacy_audit"], plan.UnitsOf("MnistAudit").Select(u => u.Id));
        Assert.Contains("expected classifier or vae", Assert.ThrowsAny<Exception>(() => StepPlans.Plan("smoke", new() { ["audit_models"] = "gan" })).ToString());
        Assert.Contains("listed twice", Assert.ThrowsAny<Exception>(() => StepPlans.Plan("smoke", new() { ["audit_models"] = "vae, vae" })).ToString());
    }

    [Fact]
    public void Should_Mark_DP_Audits_As_Releases_Only_Under_Release_Noise()
    {
        Assert.All(Units(StepPlans.Plan("smoke")).Values, u => Assert.False(u.Spec.Release));
        var release = Units(StepPlans.Plan("smoke", new() { ["runtime_noise"] = "release" }));
        Assert.True(release["classifier_sigma0.1"].Spec.Release);
        Assert.True(release["vae_epsilon3"].Spec.Release);
        Assert.False(release["classifier_nonprivate"].Spec.Release);      // no privacy noise drawn
        Assert.Contains("--noise release", release["vae_epsilon3"].CommandText);
    }

    [Fact]
    public void Should_Audit_Functional_At_The_Sizes_Its_Verify_Threshold_Is_Argued_For()
    {
        // verify/expected-functional.csv asks the non-private CNN for epsilon_lower >= 0.5; OneRunAuditTests shows why 0.5 is
        // far beyond luck and within reach at m = 1000, r = 100 (Privatar.Accounting.Tests), so functional must audit at those
        var claim = File.ReadLines(RepoPaths.Of("verify/expected-functional.csv")).Single(l => l.StartsWith("audit_has_power_nonprivate,", StringComparison.Ordinal));
        Assert.Contains(",model=classifier;run=nonprivate,epsilon_lower,>=,0.5,", claim);
        var np = Units(StepPlans.Plan("functional"))["classifier_nonprivate"].CommandText;
        Assert.Contains("--canaries 1000 --guesses 100 --confidence 0.95 ", np);
        Assert.Contains("--delta 1E-05", np);
    }

    [Fact]
    public void Should_Plan_The_Audit_Figure_From_The_Pipelines_Table()
    {
        var figure = StepPlans.Plan("smoke").UnitsOf("Figures").Single(u => u.Id == "extra_privacy_audit");
        Assert.Equal(["MnistAudit[privacy_audit]"], figure.Upstream.Select(u => u.Name));
    }
}
