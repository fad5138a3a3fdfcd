using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests;

public class SynthesisContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["synthesis.delta"] = "1e-05", ["synthesis.accountant"] = "rdp", ["runtime.seed"] = "1234", ["runtime.noise"] = "reproducible",
        ["synthesis.samples"] = "10000", ["synthesis.train_limit"] = "0", ["synthesis.threads"] = "1",
        ["dpdm.epochs"] = "300", ["dpdm.steps"] = "100", ["dpdm.batch_size"] = "128", ["dpdm.noise_levels"] = "4", ["dpdm.lr"] = "0.001",
        ["dpdm.max_grad_norm"] = "1", ["dpdm.ema_rate"] = "0.95", ["dpdm.nf"] = "8", ["dpdm.channel_multipliers"] = "1, 2, 2",
        ["dpdm.res_blocks"] = "1", ["dpdm.attention_resolutions"] = "7", ["dpdm.sampler_steps"] = "20", ["dpdm.guidance"] = "0.5",
        ["dpdm.rows_per_pass"] = "64", ["dpdm.p_mean"] = "0", ["dpdm.p_std"] = "1.2",
    };

    [Fact]
    public void A_DPDM_release_renders_and_parses_back_to_itself()
    {
        var unit = new DpdmArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 10, Method = DpdmArgs.AblationMethod(1) };
        var filled = ContractCodec.Fill(unit, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["synthesis", "dpdm"], args.Take(2));
        Assert.Contains("dpdm-k1", args);
        var back = ContractCodec.Decode<DpdmArgs>(f => Given(args, f.Option), null);
        Assert.Equal(filled with { ChannelMultipliers = [], AttentionResolutions = [] }, back with { ChannelMultipliers = [], AttentionResolutions = [] });
        Assert.Equal([1, 2, 2], back.ChannelMultipliers);
        Assert.Equal([7], back.AttentionResolutions);
        Assert.Equal((100L, 4, 0.95, 0.5), (back.Steps, back.NoiseLevels, back.EmaRate, back.Guidance));
        Assert.Equal((64, 0.0, 1.2), (back.RowsPerPass, back.PMean, back.PStd));
    }

    [Fact]
    public void Every_DPDM_key_is_named_when_missing()
    {
        foreach (var key in Config.Keys.Where(k => k.StartsWith("dpdm.", StringComparison.Ordinal) && k != "dpdm.noise_levels"))
        {
            var e = Assert.Throws<ArgumentException>(() => ContractCodec.Fill(
                new DpdmArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 1, Method = DpdmArgs.MainMethod },
                k => k == key ? null : Config.GetValueOrDefault(k)));
            Assert.Contains(key, e.Message);
        }
        // K is optional in the contract: an ablation unit's id fixes it, so the unit does not declare dpdm.noise_levels
        var ablation = ContractCodec.Fill(new DpdmArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 1, Method = DpdmArgs.AblationMethod(1) },
            k => k == "dpdm.noise_levels" ? null : Config.GetValueOrDefault(k));
        Assert.Null(ablation.NoiseLevels);
        Assert.DoesNotContain("--noise-levels", ContractCodec.ToArgs(ablation));
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
