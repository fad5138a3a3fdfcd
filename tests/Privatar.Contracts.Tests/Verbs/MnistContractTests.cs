using Privatar.Accounting;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary>The MNIST study's verbs (fetch, train-classifier, train-vae, synthesize, gather): filled from cake.config keys, rendered, parsed back.</summary>
public class MnistContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["dpsgd.epochs"] = "10", ["dpsgd.lr"] = "0.001", ["dpsgd.batch_size"] = "16", ["dpsgd.max_grad_norm"] = "1.2", ["dpsgd.sample_rate"] = "0",
        ["dpsgd.accounting_convention"] = "ours", ["dpsgd.delta"] = "1e-05", ["dpsgd.accountant"] = "rdp", ["dpsgd.latent_dim"] = "20",
        ["dpsgd.vae_fidelity"] = "corrected", ["dpsgd.synthetic_per_class"] = "1000", ["dpsgd.stats_noise_multiplier"] = "5", ["dpsgd.stats_clip"] = "5",
        ["dpsgd.synthetic_epochs"] = "7", ["dpsgd.synthetic_batch_size"] = "32", ["dpsgd.threads"] = "1",
        ["mnist.train_limit"] = "0", ["mnist.test_limit"] = "0", ["runtime.seed"] = "1234", ["runtime.noise"] = "reproducible",
    };

    /// <summary>The codec as a unit uses it: only the keys the unit declares are filled.</summary>
    static T Fill<T>(T contract, IReadOnlyList<string> declared) where T : class =>
        ContractCodec.Fill(contract, k => declared.Contains(k) ? Config[k] : null);

    static T RoundTrip<T>(T filled) where T : class, IVerbContract
    {
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(T.Verb, args.Take(2));
        return ContractCodec.Decode<T>(f => Given(args, f.Option), null);
    }

    [Fact]
    public void A_calibrated_classifier_renders_and_parses_back_to_itself()
    {
        var filled = Fill(new MnistClassifierArgs { Data = "d", Out = "o", TargetEpsilon = 3 }, ContractCodec.Keys<MnistClassifierArgs>());
        Assert.Equal(filled, RoundTrip(filled));
        Assert.Equal((10, 16, 0), (filled.RunEpochs(), filled.RunBatchSize(), filled.RunTrainLimit()));
        Assert.Equal((AccountingConvention.Ours, AccountantKind.Rdp, NoiseMode.Reproducible), (filled.AccountingConvention!.Value, filled.Accountant!.Value, filled.Noise!.Value));
        Assert.Null(filled.Conversion);     // no cake.config home: the verb's stated fallback (improved)
        Assert.Contains("--accounting-convention", ContractCodec.ToArgs(filled));
    }

    [Fact]
    public void A_classifier_on_a_synthetic_set_takes_its_own_epochs_and_the_whole_set()
    {
        string[] declared = ["dpsgd.synthetic_epochs", "dpsgd.lr", "dpsgd.synthetic_batch_size", "runtime.seed", "mnist.test_limit", "dpsgd.threads"];
        var filled = Fill(new MnistClassifierArgs { Data = "d", TrainDir = "s", Out = "o" }, declared);
        Assert.Equal(filled, RoundTrip(filled));
        Assert.Equal((7, 32, 0), (filled.RunEpochs(), filled.RunBatchSize(), filled.RunTrainLimit()));
        Assert.DoesNotContain("--epochs", ContractCodec.ToArgs(filled));
        // the same fields on real MNIST are missing, and say so by option
        var real = filled with { TrainDir = null };
        Assert.Contains("--epochs", Assert.Throws<ArgumentException>(() => real.RunEpochs()).Message);
        Assert.Contains("--train-limit", Assert.Throws<ArgumentException>(() => real.RunTrainLimit()).Message);
    }

    [Fact]
    public void A_DP_VAE_renders_and_parses_back_to_itself()
    {
        var keys = ContractCodec.Keys<MnistVaeArgs>().Where(k => k is not ("dpsgd.delta" or "dpsgd.accountant")).ToList();
        var filled = Fill(new MnistVaeArgs { Data = "d", Out = "o", NoiseMultiplier = 0.1 }, keys);
        Assert.Equal(filled, RoundTrip(filled));
        Assert.Equal((20, MnistFidelity.Corrected), (filled.LatentDim, filled.Fidelity));
        Assert.Null(filled.Delta);
        // a key every VAE reads is required
        var e = Assert.Throws<ArgumentException>(() => Fill(new MnistVaeArgs { Data = "d", Out = "o" }, [.. keys.Where(k => k != "dpsgd.latent_dim")]));
        Assert.Contains("dpsgd.latent_dim", e.Message);
    }

    [Fact]
    public void Each_synthesis_fidelity_renders_and_parses_back_to_itself()
    {
        var corrected = Fill(new MnistSynthesizeArgs { Data = "d", Vae = "v", Out = "o", Fidelity = MnistFidelity.Corrected, Grid = "g.png" },
            ContractCodec.Keys<MnistSynthesizeArgs>());
        Assert.Equal(corrected, RoundTrip(corrected));
        Assert.Equal((1000, 5.0, 5.0), (corrected.PerClass, corrected.StatsNoiseMultiplier!.Value, corrected.StatsClip!.Value));
        var original = Fill(new MnistSynthesizeArgs { Data = "d", Vae = "v", Out = "o", Fidelity = MnistFidelity.Original },
            ["dpsgd.synthetic_per_class", "runtime.seed", "mnist.train_limit", "dpsgd.threads"]);
        Assert.Equal(original, RoundTrip(original));
        Assert.False(original.IsCorrected);
        Assert.DoesNotContain("--stats-clip", ContractCodec.ToArgs(original));
        Assert.Contains("original", ContractCodec.ToArgs(original));
    }

    [Fact]
    public void Gather_and_fetch_render_and_parse_back()
    {
        var gather = Fill(new MnistGatherArgs { Results = "r", Classifier = ["a", "b"], Synthetic = ["s"] }, ContractCodec.Keys<MnistGatherArgs>());
        var args = ContractCodec.ToArgs(gather);
        Assert.Equal(2, args.Count(a => a == "--classifier"));
        var back = RoundTrip(gather);
        Assert.Equal((gather.Results, gather.Delta, gather.Accountant, gather.Conversion), (back.Results, back.Delta, back.Accountant, back.Conversion));
        Assert.Equal(gather.Classifier, back.Classifier);
        Assert.Equal(gather.Synthetic, back.Synthetic);
        var fetch = new MnistFetchArgs { Cache = "c", Out = "o" };
        Assert.Equal(fetch, RoundTrip(fetch));
        Assert.Empty(ContractCodec.Keys<MnistFetchArgs>());
        Assert.Contains("--cache", Assert.Throws<ArgumentException>(() => ContractCodec.Decode<MnistFetchArgs>(_ => null, null)).Message);
    }

    [Fact]
    public void The_contracts_declare_what_the_verbs_accept()
    {
        var clf = ContractCodec.Declarations<MnistClassifierArgs>().ToDictionary(x => x.Key);
        Assert.Equal(1, clf["dpsgd.epochs"].AtLeast);
        Assert.Equal(0, clf["dpsgd.lr"].Above);
        Assert.Equal(0, clf["mnist.train_limit"].AtLeast);
        Assert.False(clf["dpsgd.threads"].Stamped);
        Assert.Equal(["rdp", "prv"], clf["dpsgd.accountant"].Choices);
        Assert.Equal(["ours", "opacus"], clf["dpsgd.accounting_convention"].Choices);
        Assert.Equal(["reproducible", "release"], clf["runtime.noise"].Choices);
        var vae = ContractCodec.Declarations<MnistVaeArgs>().ToDictionary(x => x.Key);
        Assert.Equal(["corrected", "original"], vae["dpsgd.vae_fidelity"].Choices);
        Assert.Equal(1, vae["dpsgd.latent_dim"].AtLeast);
        var synth = ContractCodec.Declarations<MnistSynthesizeArgs>().ToDictionary(x => x.Key);
        Assert.Equal(1, synth["dpsgd.synthetic_per_class"].AtLeast);
        Assert.Equal(
            ["dpsgd.stats_clip", "dpsgd.stats_noise_multiplier", "dpsgd.synthetic_per_class", "dpsgd.threads", "mnist.train_limit", "runtime.noise", "runtime.seed"],
            ContractCodec.Keys<MnistSynthesizeArgs>().Order());
        Assert.Equal(["dpsgd.accountant", "dpsgd.delta"], ContractCodec.Keys<MnistGatherArgs>().Order());
        // per-run values are the unit's own, not keys: one list entry changes only its units
        Assert.All(new[] { ContractCodec.Keys<MnistClassifierArgs>(), ContractCodec.Keys<MnistVaeArgs>() }, keys =>
        {
            Assert.DoesNotContain("dpsgd.noise_multipliers", keys);
            Assert.DoesNotContain("dpsgd.target_epsilons", keys);
        });
        Assert.DoesNotContain("dpsgd.synthesis_fidelities", ContractCodec.Keys<MnistSynthesizeArgs>());
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
