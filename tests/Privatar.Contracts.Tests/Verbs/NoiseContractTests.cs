using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Noise;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary>The hand verbs of the noise and privacy math, and the attack gather: keys, rendering and parsing back.</summary>
public class NoiseContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["noise.classes"] = "65", ["noise.dp_clip_bound"] = "20", ["runtime.seed"] = "1234", ["dpsgd.delta"] = "1e-05", ["dpsgd.accountant"] = "rdp",
    };

    [Fact]
    public void Values_with_a_cake_config_home_are_keyed()
    {
        Assert.Equal(["noise.classes"], ContractCodec.Keys<PsrArgs>());
        Assert.Equal(["noise.classes", "noise.dp_clip_bound", "runtime.seed"], ContractCodec.Keys<NoiseDpArgs>());
        Assert.Equal(["runtime.seed"], ContractCodec.Keys<NoisePacArgs>());
        Assert.Equal(["dpsgd.delta", "dpsgd.accountant"], ContractCodec.Keys<PrivacyEpsilonArgs>());
        Assert.Equal(["dpsgd.delta", "dpsgd.accountant"], ContractCodec.Keys<PrivacySigmaArgs>());
        Assert.Empty(ContractCodec.Keys<AttackGatherArgs>());
    }

    [Fact]
    public void A_dp_call_read_from_the_configuration_renders_and_parses_back_to_itself()
    {
        var given = new Dictionary<string, IReadOnlyList<string>> { ["--latents"] = ["z.npy"], ["--mi"] = ["1"], ["--fidelity"] = ["corrected"], ["--out"] = ["dp.npy"] };
        var a = ContractCodec.Decode<NoiseDpArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k));
        Assert.Equal((65, 20.0, 1234, NoiseFidelity.Corrected), (a.Classes, a.ClipBound, a.Seed, a.Fidelity));
        var args = ContractCodec.ToArgs(a);
        Assert.Equal(["noise", "dp"], args.Take(2));
        Assert.Equal(a, ContractCodec.Decode<NoiseDpArgs>(f => Given(args, f.Option), null));
        // Without a configuration the keyed fields stay absent; the verb names whichever its fidelity needs.
        var bare = ContractCodec.Decode<NoiseDpArgs>(f => given.GetValueOrDefault(f.Option), null);
        Assert.Equal(((int?)null, (double?)null), (bare.Classes, bare.ClipBound));
    }

    [Fact]
    public void An_epsilon_call_names_the_delta_key_it_lacks_and_explicit_options_win()
    {
        var given = new Dictionary<string, IReadOnlyList<string>> { ["--sigma"] = ["1.07"], ["--sample-rate"] = ["0.001"], ["--steps"] = ["640000"] };
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Decode<PrivacyEpsilonArgs>(f => given.GetValueOrDefault(f.Option), null));
        Assert.Contains("dpsgd.delta", e.Message);
        given["--accountant"] = ["prv"];
        var a = ContractCodec.Decode<PrivacyEpsilonArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k));
        Assert.Equal((1e-5, "prv", (string?)null, (double?)null), (a.Delta, a.Accountant, a.Conversion, a.EpsError));
        var args = ContractCodec.ToArgs(a);
        Assert.Equal(a, ContractCodec.Decode<PrivacyEpsilonArgs>(f => Given(args, f.Option), null));
    }

    [Fact]
    public void The_sigma_search_is_an_optional_snake_case_choice()
    {
        var given = new Dictionary<string, IReadOnlyList<string>> { ["--epsilon"] = ["3"], ["--sample-rate"] = ["0.01"], ["--epochs"] = ["1"], ["--search"] = ["opacus"] };
        var a = ContractCodec.Decode<PrivacySigmaArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k));
        Assert.Equal((SigmaSearch.Opacus, 1.0, (long?)null), (a.Search, a.Epochs, a.Steps));
        given["--search"] = ["fast"];
        Assert.Contains("precise, opacus", Assert.Throws<ArgumentException>(() =>
            ContractCodec.Decode<PrivacySigmaArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k))).Message);
    }

    [Fact]
    public void The_psr_bounds_and_the_attack_gather_repeat_their_lists()
    {
        var psr = ContractCodec.Fill(new PsrArgs { Mi = [4, 0.01] }, k => Config.GetValueOrDefault(k));
        Assert.Equal(["privacy", "psr", "--mi", "4", "--mi", "0.01", "--classes", "65"], ContractCodec.ToArgs(psr));
        Assert.Equal(["attack", "gather", "--slices", "a.csv", "--slices", "b.csv", "--out", "attacks.csv"],
            ContractCodec.ToArgs(new AttackGatherArgs { Slices = ["a.csv", "b.csv"], Out = "attacks.csv" }));
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
