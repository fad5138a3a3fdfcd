using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary>The GS-WGAN and PSG generator verbs: filled from cake.config keys, rendered, and parsed back unchanged.</summary>
public class GanAndSetContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["synthesis.delta"] = "1e-05", ["synthesis.accountant"] = "rdp", ["runtime.seed"] = "1234", ["runtime.noise"] = "reproducible",
        ["synthesis.samples"] = "60000", ["synthesis.train_limit"] = "0", ["synthesis.threads"] = "1",
        ["gs_wgan.shards"] = "1000", ["gs_wgan.generator_steps"] = "20000", ["gs_wgan.warm_steps"] = "2000", ["gs_wgan.critic_steps"] = "5",
        ["gs_wgan.batch_size"] = "32", ["gs_wgan.lr"] = "0.0001", ["gs_wgan.max_grad_norm"] = "1",
        ["psg.samples_per_class"] = "20", ["psg.iterations"] = "1000", ["psg.batch_size"] = "256", ["psg.max_grad_norm"] = "0.1",
        ["psg.lr_image"] = "0.1", ["psg.lr_net"] = "0.01", ["psg.net_width"] = "128",
    };

    [Fact]
    public void A_GS_WGAN_release_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(new GsWganArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 10 }, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["synthesis", "gs-wgan"], args.Take(2));
        Assert.Equal(filled, ContractCodec.Decode<GsWganArgs>(f => Given(args, f.Option), null));
        Assert.Equal((1000, 20000, 2000, 5, 32), (filled.Shards, filled.GeneratorSteps, filled.WarmSteps, filled.CriticSteps, filled.BatchSize));
        Assert.Contains("--shards", args);
    }

    [Fact]
    public void A_PSG_release_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(new PsgArgs { Data = "d", Dataset = "fashion_mnist", Out = "o", TargetEpsilon = 1 }, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["synthesis", "psg"], args.Take(2));
        Assert.Equal(filled, ContractCodec.Decode<PsgArgs>(f => Given(args, f.Option), null));
        Assert.Equal((20, 0.1, 128), (filled.SamplesPerClass, filled.MaxGradNorm, filled.NetWidth));
    }

    [Fact]
    public void A_missing_method_key_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Fill(new PsgArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 1 },
            k => k == "psg.lr_net" ? null : Config.GetValueOrDefault(k)));
        Assert.Contains("psg.lr_net", e.Message);
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
