using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Noise;
using Xunit;

namespace Privatar.Contracts.Tests;

public class ContractCodecTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["noise.fidelities"] = "corrected, original", ["noise.dp_clip_bound"] = "20", ["runtime.seed"] = "1234", ["runtime.noise"] = "reproducible", ["attack.threads"] = "1",
        ["attack.nn_hidden"] = "128", ["attack.nn_epochs"] = "10", ["attack.nn_lr"] = "0.0001", ["attack.nn_corrected_epochs"] = "100",
        ["attack.nn_corrected_lr"] = "0.01", ["attack.nn_momentum"] = "0", ["attack.nn_batch_size"] = "1", ["attack.nn_latent_draws"] = "1",
    };

    static AttackArgs Unit(double? mi) => new() { Data = "s", CheckpointDir = "c", Out = "o.csv", Mi = mi, NoiseRoot = mi is null ? null : "noise" };

    [Fact]
    public void A_filled_contract_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(Unit(0.1), k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["attack", "run"], args.Take(2));
        var given = Tokens(args.Skip(2).ToList());
        var back = ContractCodec.Decode<AttackArgs>(f => given.GetValueOrDefault(f.Option), null);
        Assert.Equal(filled with { Fidelity = [] }, back with { Fidelity = [] });
        Assert.Equal([NoiseFidelity.Corrected, NoiseFidelity.Original], back.Fidelity);
        Assert.Equal(0.0001, back.Lr);
    }

    [Fact]
    public void A_key_the_unit_does_not_declare_stays_out_unless_its_field_is_required()
    {
        var noClip = ContractCodec.Fill(Unit(null), k => k == "noise.dp_clip_bound" ? null : Config.GetValueOrDefault(k));
        Assert.Null(noClip.DpClipBound);
        Assert.DoesNotContain("--dp-clip-bound", ContractCodec.ToArgs(noClip));
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Fill(Unit(null), k => k == "attack.nn_lr" ? null : Config.GetValueOrDefault(k)));
        Assert.Contains("attack.nn_lr", e.Message);
    }

    [Fact]
    public void By_hand_explicit_options_win_over_the_configuration_and_a_missing_one_names_its_key()
    {
        var given = Tokens(["--data", "s", "--checkpoint-dir", "c", "--out", "o.csv", "--lr", "0.5"]);
        var a = ContractCodec.Decode<AttackArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k));
        Assert.Equal(0.5, a.Lr);
        Assert.Equal(100, a.CorrectedEpochs);
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Decode<AttackArgs>(f => given.GetValueOrDefault(f.Option), null));
        Assert.Contains("--profile", e.Message);
        Assert.Contains("runtime.noise", e.Message);   // the first keyed field that has no default
        Assert.Contains("expected a number", Assert.Throws<ArgumentException>(() =>
            ContractCodec.Decode<AttackArgs>(f => f.Option == "--lr" ? ["x"] : given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k))).Message);
    }

    static Dictionary<string, IReadOnlyList<string>> Tokens(IReadOnlyList<string> args)
    {
        var d = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!d.TryGetValue(args[i], out var list)) d[args[i]] = list = [];
            list.Add(args[i + 1]);
        }
        return d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
    }
}
