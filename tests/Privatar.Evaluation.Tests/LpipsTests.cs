using Privatar.Core;
using Privatar.Evaluation.Metrics;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Evaluation.Tests;

/// <summary>
/// Deterministic stand-in weights (the real ones cannot be downloaded here), written in the converted layout:
/// conv l weight[i] = sin(0.37i + 0.1l)/sqrt(fan_in), bias[i] = 0.01 cos(0.5i + l), lin l weight[i] = 0.05(1 + sin(0.7i + l)).
/// </summary>
public sealed class LpipsWeightsFixture : IDisposable
{
    public static readonly int[][] Shapes = [[64, 3, 11, 11], [192, 64, 5, 5], [384, 192, 3, 3], [256, 384, 3, 3], [256, 256, 3, 3]];
    static readonly int[] Index = [0, 3, 6, 8, 10];
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "privatar-lpips-" + Guid.NewGuid().ToString("N")[..8]);

    public LpipsWeightsFixture() => Write(Directory, torchvisionNames: false);

    public static void Write(string dir, bool torchvisionNames)
    {
        System.IO.Directory.CreateDirectory(dir);
        for (var l = 0; l < 5; l++)
        {
            var s = Shapes[l];
            var fanIn = s[1] * s[2] * s[3];
            var w = new float[s[0] * fanIn];
            for (var i = 0; i < w.Length; i++) w[i] = (float)(Math.Sin(0.37 * i + 0.1 * l) / Math.Sqrt(fanIn));
            var b = Enumerable.Range(0, s[0]).Select(i => (float)(0.01 * Math.Cos(0.5 * i + l))).ToArray();
            var lin = Enumerable.Range(0, s[0]).Select(i => (float)(0.05 * (1 + Math.Sin(0.7 * i + l)))).ToArray();
            var prefix = torchvisionNames ? $"features.{Index[l]}" : $"net.slice{l + 1}.{Index[l]}";
            Npy.Write(Path.Combine(dir, prefix + ".weight.npy"), w, s);
            Npy.Write(Path.Combine(dir, prefix + ".bias.npy"), b, s[0]);
            Npy.Write(Path.Combine(dir, $"lin{l}.model.1.weight.npy"), lin, 1, s[0], 1, 1);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public sealed class LpipsTests(LpipsWeightsFixture weights) : IClassFixture<LpipsWeightsFixture>
{
    // x = 0.9 sin(0.05k + c + b), y = clip(x + 0.3 cos(0.13k + 2c), -1, 1), k = 64i + j; shape (2, 3, 64, 64), range [-1, 1].
    static (Tensor X, Tensor Y) Pair()
    {
        var x = new float[2 * 3 * 64 * 64];
        var y = new float[x.Length];
        var n = 0;
        for (var b = 0; b < 2; b++)
        for (var c = 0; c < 3; c++)
        for (var k = 0; k < 4096; k++, n++)
        {
            var v = 0.9 * Math.Sin(0.05 * k + c + b);
            x[n] = (float)v;
            y[n] = (float)Math.Clamp(v + 0.3 * Math.Cos(0.13 * k + 2 * c), -1, 1);
        }
        return (tensor(x, [2, 3, 64, 64]), tensor(y, [2, 3, 64, 64]));
    }

    [Fact]
    public void Should_Match_A_PyTorch_Transcription_Of_The_Lpips_Forward()
    {
        // Reference: PyTorch 1.13 (Debian python3-torch), float64, with the same weights and images: ScalingLayer,
        // torchvision AlexNet relu1..relu5, x / (||x||_channels + 1e-10), squared difference, 1x1 lin, spatial mean, sum.
        using var lpips = AlexLpips.Load(weights.Directory);
        var (x, y) = Pair();
        var d = lpips.PerImage(x, y).data<float>().ToArray();
        Assert.Equal(0.007773591391163859, d[0], 1e-6);
        Assert.Equal(0.01940750626654475, d[1], 1e-6);
    }

    [Fact]
    public void Should_Be_Zero_For_Identical_Images_And_Map_Zero_One_Inputs()
    {
        using var lpips = AlexLpips.Load(weights.Directory);
        var (x, y) = Pair();
        Assert.Equal(0.0, lpips.Mean(x, x.clone()), 12);
        var direct = lpips.PerImage(x, y).data<float>().ToArray();
        var mapped = lpips.PerImage((x + 1) / 2, (y + 1) / 2, LpipsInputRange.ZeroToOne).data<float>().ToArray();
        Assert.Equal(direct[0], mapped[0], 1e-6);
        Assert.Equal(direct[1], mapped[1], 1e-6);
    }

    [Fact]
    public void Should_Accept_Torchvision_Trunk_Names()
    {
        var dir = Path.Combine(Path.GetTempPath(), "privatar-lpips-tv-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            LpipsWeightsFixture.Write(dir, torchvisionNames: true);
            using var lpips = AlexLpips.Load(dir);
            var (x, y) = Pair();
            Assert.Equal(0.007773591391163859, lpips.PerImage(x, y).data<float>()[0], 1e-6);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Should_Refuse_Clearly_When_Weights_Are_Absent_Or_Wrong()
    {
        var missing = Path.Combine(Path.GetTempPath(), "privatar-no-such-lpips-dir");
        var e = Assert.Throws<FileNotFoundException>(() => AlexLpips.Load(missing));
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("no substitute metric", e.Message);

        var dir = Path.Combine(Path.GetTempPath(), "privatar-lpips-bad-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            LpipsWeightsFixture.Write(dir, torchvisionNames: false);
            File.Delete(Path.Combine(dir, "lin3.model.1.weight.npy"));
            Assert.Contains("state-dict key 'lin3.model.1.weight') is missing",
                Assert.Throws<FileNotFoundException>(() => AlexLpips.Load(dir)).Message);
            Npy.Write(Path.Combine(dir, "lin3.model.1.weight.npy"), new float[255], 1, 255, 1, 1);
            Assert.Contains("has shape (1, 255, 1, 1), expected (1, 256, 1, 1)",
                Assert.Throws<InvalidDataException>(() => AlexLpips.Load(dir)).Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
