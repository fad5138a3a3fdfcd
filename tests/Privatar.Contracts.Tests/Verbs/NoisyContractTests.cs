using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Noise;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary>The NoisyInference verbs: filled from cake.config keys, rendered, and parsed back unchanged.</summary>
public class NoisyContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["test.batches"] = "3", ["test.batch_size"] = "2", ["test.lpips_weights"] = "none", ["runtime.seed"] = "1234",
        ["train.threads"] = "2", ["runtime.device"] = "cpu", ["runtime.noise"] = "reproducible",
        ["noise.classes"] = "65", ["noise.dp_clip_bound"] = "20",
        ["noisy_inference.grid_mi"] = "1", ["noisy_inference.grid_samples"] = "3",
    };

    static NoisyTestArgs Test => new() { Data = "d", Out = "o.csv", CheckpointDir = ["t/baseline", "t/partition_n8"], Mechanism = ["none"] };

    [Fact]
    public void A_corrected_unit_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(Test with { Mechanism = ["dp", "pac"], NoiseDir = "n/corrected", Fidelity = NoiseFidelity.Corrected, Mi = 0.1 },
            k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["vae", "noisy-test"], args.Take(2));
        var back = ContractCodec.Decode<NoisyTestArgs>(f => Given(args, f.Option), null);
        Assert.Equal(filled with { CheckpointDir = [], Mechanism = [] }, back with { CheckpointDir = [], Mechanism = [] });
        Assert.Equal(args, ContractCodec.ToArgs(back));
        Assert.Equal((65, 20.0, NoiseMode.Reproducible, 1234L), (filled.Classes, filled.ClipBound, filled.Noise, filled.Seed));
        Assert.Equal(["t/baseline", "t/partition_n8"], Given(args, "--checkpoint-dir"));
        Assert.Equal(["corrected"], Given(args, "--fidelity"));
    }

    [Fact]
    public void The_clean_unit_declares_no_noise_key_and_renders_no_noise_option()
    {
        string[] clean = ["test.batches", "test.batch_size", "test.lpips_weights", "runtime.seed", "train.threads", "runtime.device"];
        var filled = ContractCodec.Fill(Test, k => clean.Contains(k) ? Config[k] : null);
        var args = ContractCodec.ToArgs(filled);
        foreach (var option in new[] { "--classes", "--clip-bound", "--noise", "--fidelity", "--mi", "--noise-dir" }) Assert.DoesNotContain(option, args);
        Assert.Equal(args, ContractCodec.ToArgs(ContractCodec.Decode<NoisyTestArgs>(f => Given(args, f.Option), null)));
    }

    [Fact]
    public void The_contracts_declare_their_cake_config_keys()
    {
        Assert.Equal(["noise.classes", "noise.dp_clip_bound", "test.batches", "test.batch_size", "test.lpips_weights", "runtime.seed", "train.threads", "runtime.device", "runtime.noise"],
            ContractCodec.Keys<NoisyTestArgs>());
        Assert.Equal(["noisy_inference.grid_mi", "noise.classes", "noise.dp_clip_bound", "noisy_inference.grid_samples", "runtime.seed", "train.threads", "runtime.device", "runtime.noise"],
            ContractCodec.Keys<NoisyGridArgs>());
        Assert.Empty(ContractCodec.Keys<NoisyGatherArgs>());
        Assert.False(ContractCodec.Declarations<NoisyTestArgs>().Single(d => d.Key == "train.threads").Stamped);
        Assert.Equal(["reproducible", "release"], ContractCodec.Declarations<NoisyGridArgs>().Single(d => d.Key == "runtime.noise").Choices);
    }

    [Fact]
    public void The_grid_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(new NoisyGridArgs
        {
            Data = "d", Results = "r", Clean = ["t/baseline", "t/partition_n2"], Noisy = "t/partition_n14", NoiseDir = "n/original", Fidelity = NoiseFidelity.Original,
        }, k => k is "noise.classes" or "noise.dp_clip_bound" ? null : Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        var back = ContractCodec.Decode<NoisyGridArgs>(f => Given(args, f.Option), null);
        Assert.Equal(filled with { Clean = [] }, back with { Clean = [] });
        Assert.Equal(args, ContractCodec.ToArgs(back));
        Assert.Equal((1.0, 3, (int?)null), (filled.Mi, filled.Samples, filled.Classes));
        Assert.Contains("--mi", args);
    }

    [Fact]
    public void The_gather_lists_each_slice()
    {
        var args = ContractCodec.ToArgs(new NoisyGatherArgs { Slices = ["a.csv", "b.csv"], Out = "all.csv" });
        Assert.Equal(["vae", "noisy-gather", "--slices", "a.csv", "--slices", "b.csv", "--out", "all.csv"], args);
        Assert.Contains("--slices", Assert.Throws<ArgumentException>(() => ContractCodec.Decode<NoisyGatherArgs>(f => f.Option == "--out" ? ["x"] : null, null)).Message);
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 2; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
