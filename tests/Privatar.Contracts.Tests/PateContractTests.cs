using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Xunit;

namespace Privatar.Contracts.Tests;

/// <summary>The teacher-ensemble generators' verbs: filled from configuration keys, rendered and parsed back unchanged.</summary>
public class PateContractTests
{
    static readonly Dictionary<string, string> Shared = new()
    {
        ["synthesis.delta"] = "1e-05", ["synthesis.accountant"] = "rdp", ["runtime.seed"] = "1234", ["runtime.noise"] = "reproducible",
        ["synthesis.samples"] = "10000", ["synthesis.train_limit"] = "0", ["synthesis.threads"] = "1",
    };

    static Dictionary<string, string> Config(string section, params (string Key, string Value)[] own)
    {
        var d = new Dictionary<string, string>(Shared)
        {
            [$"{section}.teachers"] = "250", [$"{section}.steps"] = "1000", [$"{section}.batch_size"] = "32", [$"{section}.teacher_batch"] = "16",
            [$"{section}.lr"] = "0.001", [$"{section}.generator_lr"] = "0.002",
        };
        foreach (var (k, v) in own) d[$"{section}.{k}"] = v;
        return d;
    }

    static T RoundTrip<T>(T unit, Dictionary<string, string> config, string verb) where T : class, IVerbContract
    {
        var filled = ContractCodec.Fill(unit, k => config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["synthesis", verb], args.Take(2));
        var given = new Dictionary<string, IReadOnlyList<string>>();
        var rest = args.Skip(2).ToList();
        for (var i = 0; i < rest.Count; i += 2) given[rest[i]] = [rest[i + 1]];
        var back = ContractCodec.Decode<T>(f => given.GetValueOrDefault(f.Option), null);
        Assert.Equal(filled, back);
        return back;
    }

    [Fact]
    public void GPate_renders_and_parses_back_to_itself()
    {
        var config = Config("g_pate", ("projection_dims", "10"), ("bins", "5"), ("sigma1_ratio", "4"), ("threshold_share", "0.3"));
        var back = RoundTrip(new GPateArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 10 }, config, "g-pate");
        Assert.Equal((250, 1000, 32, 16, 0.002, 10, 5, 4.0, 0.3),
            (back.Teachers, back.Steps, back.BatchSize, back.TeacherBatch, back.GeneratorLr, back.ProjectionDims, back.Bins, back.Sigma1Ratio, back.ThresholdShare));
        Assert.Contains("g_pate.projection_dims", ContractCodec.Keys<GPateArgs>());
    }

    [Fact]
    public void DataLens_renders_and_parses_back_to_itself()
    {
        var config = Config("datalens", ("top_k", "200"), ("threshold_share", "0.1"));
        var back = RoundTrip(new DataLensArgs { Data = "d", Dataset = "fashion_mnist", Out = "o", TargetEpsilon = 1 }, config, "datalens");
        Assert.Equal((250, 200, 0.1), (back.Teachers, back.TopK, back.ThresholdShare));
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Fill(new DataLensArgs { Data = "d", Dataset = "mnist", Out = "o", TargetEpsilon = 1 },
            k => k == "datalens.top_k" ? null : config.GetValueOrDefault(k)));
        Assert.Contains("datalens.top_k", e.Message);
    }
}
