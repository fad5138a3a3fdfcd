using Privatar.Core;
using Privatar.DpSgd.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests;

public sealed class DpSgdEngineTests
{
    static double[] Grads(nn.Module model) =>
        model.parameters().SelectMany(p => p.grad!.flatten().data<double>().ToArray()).ToArray();

    [Fact]
    public void Should_Divide_The_Clipped_Sum_By_The_Expected_Batch_Size_Without_Noise()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 1);
        var (x, y) = TinyModels.Batch(5, seed: 4);
        var loss = TinyModels.CrossEntropy(model);
        using var clipper = new MicroBatchClipper(model);
        var reference = clipper.ClipAndSum([x, y], loss, 0.1);
        using var engine = new DpSgdEngine(model, new DpSgdOptions(0, 0.1, ExpectedBatchSize: 8), noiseSeed: 9);
        var stats = engine.ComputeGradients([x, y], loss);
        Assert.Equal("hooks", engine.Route);
        Assert.Equal(5, stats.BatchSize);
        Assert.Equal(1.0, stats.ClippedFraction);
        var ps = model.parameters().ToArray();
        for (var i = 0; i < ps.Length; i++)
            Assert.True((ps[i].grad! - reference.Sums[i] / 8).abs().max().ToDouble() < 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_Give_The_Same_Gradient_And_Statistics_When_The_Batch_Goes_Through_In_Slices(int examplesPerPass)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 3);
        var (x, y) = TinyModels.Batch(7, seed: 6);
        var loss = TinyModels.CrossEntropy(model);
        (double[] Grads, DpStepStats Stats) Run(int slice)
        {
            using var engine = new DpSgdEngine(model, new DpSgdOptions(0, 0.1, ExpectedBatchSize: 8, ExamplesPerPass: slice), noiseSeed: 9);
            var stats = engine.ComputeGradients([x, y], loss);
            return (Grads(model), stats);
        }
        var whole = Run(0);
        var sliced = Run(examplesPerPass);
        Assert.Equal(whole.Grads.Length, sliced.Grads.Length);
        for (var i = 0; i < whole.Grads.Length; i++) Assert.Equal(whole.Grads[i], sliced.Grads[i], 1e-12);
        Assert.Equal(7, sliced.Stats.BatchSize);
        Assert.Equal(whole.Stats.MeanLoss, sliced.Stats.MeanLoss, 1e-12);
        Assert.Equal(whole.Stats.MeanNorm, sliced.Stats.MeanNorm, 1e-12);
        Assert.Equal(whole.Stats.ClippedFraction, sliced.Stats.ClippedFraction);
        Assert.NotNull(sliced.Stats.Clip);
    }

    [Fact]
    public void Should_Add_Seeded_Noise_Of_Std_Sigma_C_Over_Expected_Batch()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 2);
        var (x, y) = TinyModels.Batch(4, seed: 5);
        var loss = TinyModels.CrossEntropy(model);
        double[] Run(double sigma, ulong seed)
        {
            using var engine = new DpSgdEngine(model, new DpSgdOptions(sigma, 0.5, 4), seed);
            engine.ComputeGradients([x, y], loss);
            return Grads(model);
        }
        var clean = Run(0, 1);
        var a = Run(3.0, 7);
        var b = Run(3.0, 7);
        var c = Run(3.0, 8);
        Assert.Equal(a, b);                                     // same seed, same noise
        Assert.NotEqual(a, c);
        var noise = a.Zip(clean, (u, v) => u - v).ToArray();    // N(0, (σC/B)²) = N(0, 0.375²) per coordinate
        var std = Math.Sqrt(noise.Select(v => v * v).Average());
        Assert.True(noise.Length > 400);
        Assert.InRange(std, 0.375 * 0.9, 0.375 * 1.1);
    }

    [Fact]
    public void Should_Produce_Noise_Only_For_An_Empty_Batch()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 3);
        var (x, y) = TinyModels.Batch(3, seed: 6);
        using var engine = new DpSgdEngine(model, new DpSgdOptions(1.0, 2.0, 10), 3);
        var stats = engine.ComputeGradients([x.narrow(0, 0, 0), y.narrow(0, 0, 0)], TinyModels.CrossEntropy(model));
        Assert.Equal(0, stats.BatchSize);
        var g = Grads(model);
        var std = Math.Sqrt(g.Select(v => v * v).Average());
        Assert.InRange(std, 0.2 * 0.85, 0.2 * 1.15);            // σC/B = 1·2/10
    }

    [Fact]
    public void Should_Reject_Bad_Options_Naming_The_Key()
    {
        var model = TinyModels.ConvNet(seed: 1);
        Assert.Contains("max_grad_norm", Assert.Throws<ArgumentException>(() => new DpSgdEngine(model, new DpSgdOptions(1, 0, 1), 1)).Message);
        Assert.Contains("noise_multiplier", Assert.Throws<ArgumentException>(() => new DpSgdEngine(model, new DpSgdOptions(-1, 1, 1), 1)).Message);
    }

    [Fact]
    public void Poisson_Batches_Should_Average_qN_And_Repeat_Per_Seed()
    {
        using var s1 = new PoissonSampler(1000, 0.05, 42);
        using var s2 = new PoissonSampler(1000, 0.05, 42);
        Assert.Equal(20, s1.StepsPerEpoch);
        Assert.Equal(50, s1.ExpectedBatchSize, 9);
        long total = 0;
        for (var i = 0; i < 200; i++)
        {
            using var a = s1.Next();
            using var b = s2.Next();
            Assert.Equal(a.data<long>().ToArray(), b.data<long>().ToArray());
            total += a.shape[0];
        }
        Assert.InRange(total / 200.0, 48, 52);                  // sd of the mean ≈ 0.49
    }

    [Fact]
    public void Release_Noise_Should_Ignore_The_Seed_And_Keep_Std_Sigma_C_Over_Expected_Batch()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 2);
        var (x, y) = TinyModels.Batch(4, seed: 5);
        var loss = TinyModels.CrossEntropy(model);
        double[] Run(double sigma, NoiseMode mode)
        {
            using var engine = new DpSgdEngine(model, new DpSgdOptions(sigma, 0.5, 4), 7, mode: mode);
            engine.ComputeGradients([x, y], loss);
            return Grads(model);
        }
        var clean = Run(0, NoiseMode.Release);
        var seeded = Run(3.0, NoiseMode.Reproducible);
        var a = Run(3.0, NoiseMode.Release);
        var b = Run(3.0, NoiseMode.Release);
        Assert.NotEqual(a, b);                                  // same seed, fresh OS-CSPRNG noise
        Assert.NotEqual(seeded, a);
        var noise = a.Zip(clean, (u, v) => u - v).ToArray();
        var std = Math.Sqrt(noise.Select(v => v * v).Average());
        Assert.InRange(std, 0.375 * 0.9, 0.375 * 1.1);
    }

    [Fact]
    public void Release_Poisson_Batches_Should_Differ_From_The_Seeded_Ones_And_Keep_The_Rate()
    {
        using var seeded = new PoissonSampler(1000, 0.05, 42);
        using var release = new PoissonSampler(1000, 0.05, 42, NoiseMode.Release);
        long total = 0, same = 0;
        for (var i = 0; i < 200; i++)
        {
            using var a = seeded.Next();
            using var b = release.Next();
            if (a.data<long>().ToArray().SequenceEqual(b.data<long>().ToArray())) same++;
            total += b.shape[0];
        }
        Assert.True(same < 5, $"{same} of 200 release batches equal the seeded ones");
        Assert.InRange(total / 200.0, 48, 52);
    }
}
