using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary>The avatar verbs' contracts: filled from cake.config keys, rendered, parsed back unchanged, and the keys each declares.</summary>
public class VaeContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["train.baseline_max_iter"] = "4", ["train.partition_max_iter"] = "6", ["train.sparse_max_iter"] = "5",
        ["train.val_every"] = "2", ["train.val_num"] = "0", ["train.batch_size"] = "2", ["train.lambda_screen"] = "1",
        ["train.fidelity"] = "original", ["runtime.seed"] = "1234", ["train.threads"] = "1", ["runtime.device"] = "cpu", ["runtime.threads"] = "2",
        ["test.batches"] = "3", ["test.batch_size"] = "2", ["test.lpips_weights"] = "none",
        ["latency.tex_size"] = "256", ["latency.vertices"] = "7306", ["latency.warmup"] = "3", ["latency.min_iterations"] = "20",
        ["latency.max_iterations"] = "200", ["latency.check_every"] = "10", ["latency.target_relative_half_width"] = "0.02",
        ["latency.confidence_z"] = "1.96", ["latency.max_seconds"] = "1.5",
        ["capacity.frame_rate_hz"] = "1", ["capacity.headsets"] = "quest_pro, quest_3", ["capacity.quest_pro_baseline_seconds"] = "0.4032258",
        ["capacity.quest_pro_flops"] = "0", ["capacity.quest_3_baseline_seconds"] = "0.0984252", ["capacity.quest_3_flops"] = "0",
        ["capacity.cloud_relative_throughput"] = "1", ["capacity.cloud_flops"] = "0", ["capacity.downlink_mbps"] = "178.7",
        ["capacity.uplink_mbps"] = "178.7", ["capacity.bytes_per_element"] = "4",
    };

    static T RoundTrip<T>(T filled) where T : class, IVerbContract
    {
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(T.Verb, args.Take(T.Verb.Count));
        return ContractCodec.Decode<T>(f => Given(args, T.Verb.Count, f.Option), null);
    }

    [Fact]
    public void A_train_unit_renders_its_model_as_one_id_and_reads_its_variants_own_iteration_count()
    {
        var filled = ContractCodec.Fill(new VaeTrainArgs { Data = "s", Model = new ModelConfig(VaeVariant.Partition, Offloaded: 8), Out = "o", Baseline = "b.pt" }, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["--model", "partition_n8"], args.SkipWhile(a => a != "--model").Take(2));
        Assert.DoesNotContain("--pretrained", args);
        Assert.Equal((6, TrainingFidelity.Original, 1234L), (filled.MaxIter, filled.Fidelity, filled.Seed));
        Assert.Equal(filled, RoundTrip(filled));
        var sparse = ContractCodec.Fill(new VaeTrainArgs { Data = "s", Model = new ModelConfig(VaeVariant.Sparse, Ratio: 0.5), Out = "o" }, k => Config.GetValueOrDefault(k));
        Assert.Equal(sparse, RoundTrip(sparse));
        Assert.Equal(5, sparse.MaxIter);
    }

    [Fact]
    public void A_train_unit_declares_one_variant_specific_key_its_own_max_iter()
    {
        Assert.Equal(
            ["train.partition_max_iter", "train.val_every", "train.val_num", "train.batch_size", "train.lambda_screen", "train.fidelity", "runtime.seed", "train.threads", "runtime.device"],
            ContractCodec.Keys<VaeTrainArgs>(VaeVariant.Partition));
        // The step declares every variant's key, each with its rule; the threads key is not stamped.
        var declared = ContractCodec.Declarations<VaeTrainArgs>().ToDictionary(d => d.Key);
        Assert.All(ModelVariants.All, v => Assert.Equal(1, declared[v.MaxIterKey].AtLeast));
        Assert.False(declared["train.threads"].Stamped);
        Assert.Equal(["corrected", "original"], declared["train.fidelity"].Choices);
    }

    [Fact]
    public void Test_latency_capacity_covariance_and_gather_round_trip_and_declare_their_keys()
    {
        var test = ContractCodec.Fill(new VaeTestArgs { Data = "s", CheckpointDir = "c", Out = "o" }, k => Config.GetValueOrDefault(k));
        Assert.Equal(test, RoundTrip(test));
        Assert.Equal(["test.batches", "test.batch_size", "test.lpips_weights", "runtime.seed", "train.threads", "runtime.device"], ContractCodec.Keys<VaeTestArgs>());

        var latency = ContractCodec.Fill(new VaeLatencyArgs { Model = new ModelConfig(VaeVariant.Quantization, Bits: 8), Out = "l.csv" }, k => Config.GetValueOrDefault(k));
        Assert.Equal(latency, RoundTrip(latency));
        Assert.Equal((256, 0.02), (latency.TexSize, latency.TargetRelativeHalfWidth));
        Assert.Equal(["latency.tex_size", "latency.vertices", "latency.warmup", "latency.min_iterations", "latency.max_iterations", "latency.check_every",
            "latency.target_relative_half_width", "latency.confidence_z", "latency.max_seconds", "runtime.seed", "runtime.threads", "runtime.device"], ContractCodec.Keys<VaeLatencyArgs>());

        var capacity = ContractCodec.Fill(new VaeCapacityArgs { Latency = ["a.csv", "b.csv"], OutLatency = "l.csv", OutCapacity = "c.csv" }, k => Config.GetValueOrDefault(k));
        var back = RoundTrip(capacity);
        Assert.Equal(capacity with { Latency = [], Headsets = [] }, back with { Latency = [], Headsets = [] });
        Assert.Equal(["a.csv", "b.csv"], back.Latency);
        Assert.Equal(["quest_pro", "quest_3"], back.Headsets);
        Assert.Contains("--quest-3-baseline-seconds", ContractCodec.ToArgs(capacity));
        Assert.Equal(["latency.tex_size", .. Config.Keys.Where(k => k.StartsWith("capacity.", StringComparison.Ordinal))], ContractCodec.Keys<VaeCapacityArgs>());

        var covariance = ContractCodec.Fill(new VaeCovarianceArgs { Data = "s", Out = "f.csv" }, k => Config.GetValueOrDefault(k));
        Assert.Equal(covariance, RoundTrip(covariance));
        Assert.Equal(["runtime.threads", "runtime.device"], ContractCodec.Keys<VaeCovarianceArgs>());

        var gather = new VaeGatherArgs { Family = VaeGatherFamily.TrainingCurves, Slices = ["x.csv", "y.csv"], Out = "m.csv" };
        Assert.Equal(["vae", "gather", "--family", "training_curves", "--slices", "x.csv", "--slices", "y.csv", "--out", "m.csv"], ContractCodec.ToArgs(gather));
        Assert.Empty(ContractCodec.Keys<VaeGatherArgs>());
    }

    [Fact]
    public void The_hand_only_verbs_read_their_keys_from_the_configuration_and_explicit_options_win()
    {
        var init = ContractCodec.Decode<VaeInitArgs>(f => f.Option switch { "--data" => ["s"], "--out" => ["o"], "--seed" => ["7"], _ => null }, k => Config.GetValueOrDefault(k));
        Assert.Equal((7L, TrainingFidelity.Original, 1, "cpu"), (init.Seed, init.Fidelity, init.Threads, init.Device));

        var describe = ContractCodec.Decode<ModelDescribeArgs>(f => f.Option == "--model" ? ["sparse_ratio0.2"] : null, k => Config.GetValueOrDefault(k));
        Assert.Equal((new ModelConfig(VaeVariant.Sparse, Ratio: 0.2), 256, 7306, (bool?)null), (describe.Model, describe.TexSize, describe.Vertices, describe.Json));

        var export = ContractCodec.Decode<VaeExportArgs>(f => f.Option switch { "--checkpoint-dir" => ["c"], "--out" => ["m.pth"], "--last" => ["true"], _ => null }, k => Config.GetValueOrDefault(k));
        Assert.Equal((true, 2, "cpu"), (export.Last, export.Threads, export.Device));

        // env without options or a profile: libtorch's defaults, applied by the verb
        var env = ContractCodec.Decode<EnvArgs>(_ => null, null);
        Assert.Equal((null, (int?)null), (env.Device, env.Threads));
        Assert.Equal(("cpu", (int?)2), ContractCodec.Decode<EnvArgs>(_ => null, k => Config.GetValueOrDefault(k)) is var e ? (e.Device, e.Threads) : default);

        var missing = Assert.Throws<ArgumentException>(() => ContractCodec.Decode<VaeInitArgs>(f => f.Option switch { "--data" => ["s"], "--out" => ["o"], _ => null }, null));
        Assert.Contains("train.fidelity", missing.Message);
        Assert.Contains("--profile", missing.Message);
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, int skip, string option)
    {
        var values = new List<string>();
        for (var i = skip; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
