using Privatar.Models;
using Privatar.Torch;
using Privatar.Training.Tests.Fixtures;
using Xunit;
using Privatar.Contracts;

namespace Privatar.Training.Tests;

/// <summary>
/// The tester, run twice in one process on one checkpoint, writes the same bytes. Before MKL's strict CNR mode
/// (Privatar.Torch NativeReproducibility) its sgemm kernels depended on the operands' addresses, so repeats differed
/// in the last digits of z.npy and test_metrics.csv.
/// </summary>
public sealed class TesterReproducibilityTests(TinySubject subject) : IClassFixture<TinySubject>
{
    [Fact]
    public void Tester_twice_writes_identical_metrics_latents_and_sample_list()
    {
        Assert.Equal(NativeReproducibility.Value, NativeReproducibility.Current());
        using var data = AvatarData.Open(subject.Subject);
        var ckpt = new TrainOutputs(subject.NewDir("untrained"));
        var info = Untrained.Write(data, ModelConfig.Baseline, Fidelity.Corrected, 11, ckpt);
        Assert.Equal((0, "untrained"), (info.Iterations, info.Config));
        byte[][] Run()
        {
            var t = new TestOutputs(subject.NewDir("test"));
            Tester.Run(data, ckpt.Best, info, new TestSettings(2, 2, 11, null, new()), t);
            return [File.ReadAllBytes(t.Metrics), File.ReadAllBytes(t.Z), File.ReadAllBytes(t.Samples)];
        }
        var a = Run();
        // Churn the allocator so the second run's tensors land at other addresses.
        var junk = Enumerable.Range(1, 50).Select(i => TorchSharp.torch.ones(i * 37 + 5)).ToList();
        var b = Run();
        junk.ForEach(t => t.Dispose());
        Assert.Equal(a, b);
    }

    [Fact]
    public void Untrained_rejects_variants()
    {
        using var data = AvatarData.Open(subject.Subject);
        var e = Assert.Throws<ArgumentException>(() => Untrained.Write(data, new ModelConfig(VaeVariant.Partition, Offloaded: 8), Fidelity.Corrected, 1, new TrainOutputs(subject.NewDir("x"))));
        Assert.Contains("only the baseline", e.Message);
    }
}
