using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Tests.Fixtures;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests;

/// <summary>The corrected release's sensitivity claim rests on clipping each example's μ and σ to L2 norm R.</summary>
public sealed class SynthesisPrivacyTests
{
    [Fact]
    public void Private_Stats_Should_Clip_Each_Example_To_L2_Norm_R()
    {
        // one example per class, so each class's released mean is that example's clipped μ (noise negligible)
        using var data = new SyntheticMnist(train: 10, test: 10);
        using var train = MnistTensors.From(MnistDataset.Load(data.Dir).Train);
        random.manual_seed(4);
        using var vae = new MlpVae(latentDim: 4);
        const double r = 1e-3;
        var (stats, release) = Synthesis.PrivateStats(vae, train, noiseMultiplier: 1e-9, clipNorm: r, seed: 1);
        for (var c = 0; c < 10; c++)
        {
            var norm = Math.Sqrt(Enumerable.Range(0, 4).Sum(j => (double)stats.Means[c, j] * stats.Means[c, j]));
            Assert.Equal(r, norm, 6);                           // L2-clipped to exactly R (an L1 clip would land below R)
            Assert.Equal(1.0, stats.Counts[c], 6);
        }
        Assert.Equal(Math.Sqrt(2 * r * r + 1), release.Sensitivity, 12);
        Assert.Equal((1.0, 1L), (release.SampleRate, release.Steps));   // one pass over the whole data set
    }
}
