using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests;

public class MnistAuditContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["audit.canaries"] = "1000", ["audit.guesses"] = "100", ["audit.confidence"] = "0.95", ["audit.mia_examples"] = "1000", ["audit.classifier_epochs"] = "2", ["audit.vae_epochs"] = "40",
        ["dpsgd.lr"] = "0.001", ["dpsgd.batch_size"] = "256", ["audit.train_limit"] = "10000", ["mnist.test_limit"] = "0", ["runtime.seed"] = "1234",
        ["dpsgd.delta"] = "1e-05", ["dpsgd.accountant"] = "rdp", ["dpsgd.max_grad_norm"] = "1.2", ["dpsgd.sample_rate"] = "0",
        ["dpsgd.accounting_convention"] = "ours", ["runtime.noise"] = "reproducible", ["dpsgd.latent_dim"] = "20", ["dpsgd.vae_fidelity"] = "corrected",
        ["dpsgd.threads"] = "1",
    };

    static readonly string[] DpOnly = ["dpsgd.accountant", "dpsgd.max_grad_norm", "dpsgd.sample_rate", "dpsgd.accounting_convention", "runtime.noise"];

    [Fact]
    public void A_DP_VAE_audit_renders_and_parses_back_to_itself()
    {
        var unit = new MnistAuditArgs { Data = "d", Out = "o", Model = AuditModel.Vae, TargetEpsilon = 3 };
        var filled = ContractCodec.Fill(unit, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["mnist", "audit", "--data", "d", "--out", "o", "--model", "vae", "--target-epsilon", "3"], args.Take(10));
        var back = ContractCodec.Decode<MnistAuditArgs>(f => Given(args, f.Option), null);
        Assert.Equal(filled, back);
        Assert.True(back.IsPrivate);
        Assert.Equal(Privatar.Core.NoiseMode.Reproducible, back.Noise);
        Assert.Equal(1e-5, back.Delta);
        Assert.Equal(40, back.RunEpochs());
    }

    [Fact]
    public void A_non_private_classifier_audit_needs_none_of_the_DP_or_VAE_keys()
    {
        var unit = new MnistAuditArgs { Data = "d", Out = "o", Model = AuditModel.Classifier };
        var filled = ContractCodec.Fill(unit, k => DpOnly.Contains(k) || k is "dpsgd.latent_dim" or "dpsgd.vae_fidelity" or "audit.vae_epochs"
            ? null : Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.False(filled.IsPrivate);
        Assert.DoesNotContain("--max-grad-norm", args);
        Assert.DoesNotContain("--accountant", args);
        Assert.DoesNotContain("--latent-dim", args);
        Assert.Contains("--delta", args);                      // the bound's δ, read by every audit
        Assert.Equal(2, filled.RunEpochs());
        Assert.Contains("--vae-epochs", Assert.Throws<ArgumentException>(() => (filled with { Model = AuditModel.Vae }).RunEpochs()).Message);
        // but the audit's own settings are required
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Fill(unit, k => k == "audit.guesses" ? null : Config.GetValueOrDefault(k)));
        Assert.Contains("audit.guesses", e.Message);
    }

    [Fact]
    public void The_contract_declares_what_the_verb_accepts()
    {
        var d = ContractCodec.Declarations<MnistAuditArgs>().ToDictionary(x => x.Key);
        Assert.Equal(2, d["audit.canaries"].AtLeast);
        Assert.Equal(0, d["audit.confidence"].Above);
        Assert.False(d["dpsgd.threads"].Stamped);
        Assert.Equal(["reproducible", "release"], d["runtime.noise"].Choices);
        Assert.Equal(["dpsgd.accountant", "dpsgd.delta"], ContractCodec.Keys<MnistAuditGatherArgs>().Order());
        Assert.Equal(["classifier", "vae"], Enum.GetNames<AuditModel>().Select(ContractCodec.Snake));
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
