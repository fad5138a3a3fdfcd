using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Tests.Fixtures;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests;

public sealed class TrainingTests
{
    [Fact]
    public void Should_Learn_Separable_Classes_Without_Privacy()
    {
        using var data = new SyntheticMnist();
        var real = MnistDataset.Load(data.Dir);
        using var train = MnistTensors.From(real.Train);
        using var test = MnistTensors.From(real.Test);
        random.manual_seed(1);
        using var model = new MnistCnn();
        var log = new List<string>();
        var result = ClassifierTraining.Run(model, train, test, new TrainConfig(Epochs: 2, BatchSize: 32), null, log.Add);
        Assert.Equal("non-private", result.Route);
        Assert.Equal(2 * 10, result.Steps);                  // ceil(300 / 32) = 10 per epoch
        Assert.True(result.Final.TestAccuracy >= 0.9, $"test accuracy {result.Final.TestAccuracy}");
        Assert.Equal(2, log.Count);
        Assert.True(model.training, "Evaluate must restore train mode");
    }

    [Fact]
    public void Dp_Runs_Should_Be_Reproducible_Files_And_Beat_Chance()
    {
        using var data = new SyntheticMnist();
        var a = Path.Combine(data.Dir, "a");
        var b = Path.Combine(data.Dir, "b");
        var cfg = new TrainConfig(Epochs: 2, LearningRate: 3e-3, BatchSize: 50, Seed: 7);
        var dp = DpRequest.WithSigma(0.5, maxGradNorm: 1.0);
        var s = MnistRuns.TrainClassifier(data.Dir, null, a, cfg, dp, 0, 0, _ => { });
        MnistRuns.TrainClassifier(data.Dir, null, b, cfg, dp, 0, 0, _ => { });
        Assert.Equal(File.ReadAllText(Path.Combine(a, RunFiles.Metrics)), File.ReadAllText(Path.Combine(b, RunFiles.Metrics)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, MnistRuns.ClassifierFile)), File.ReadAllBytes(Path.Combine(b, MnistRuns.ClassifierFile)));
        Assert.Equal("hooks", s.Route);
        Assert.Equal(50.0 / 300, s.SampleRate, 12);
        Assert.Equal(12, s.Steps);                           // round(1/q) = 6 per epoch
        Assert.True(s.FinalTestAccuracy > 0.3, $"DP test accuracy {s.FinalTestAccuracy} (chance 0.1)");
        var summary = RunFiles.ReadJson<RunSummary>(Path.Combine(a, RunFiles.Summary));
        Assert.Equal(0.5, summary.Dp!.NoiseMultiplier);
        Assert.StartsWith("epoch,steps,train_loss,train_accuracy,test_loss,test_accuracy\n1,6,", File.ReadAllText(Path.Combine(a, RunFiles.Metrics)));
    }

    [Fact]
    public void Synthesis_Should_Write_Labelled_Float_Idx_And_Report_The_Mechanism()
    {
        using var data = new SyntheticMnist(train: 100, test: 20);
        var vaeDir = Path.Combine(data.Dir, "vae");
        var cfg = new TrainConfig(Epochs: 1, BatchSize: 25, Seed: 3);
        var vae = MnistRuns.TrainVae(data.Dir, vaeDir, cfg, DpRequest.WithSigma(1.0, 1.0), Fidelity.Corrected, 0, 0, 8, _ => { });
        Assert.Equal(8, vae.LatentDim);
        Assert.True(double.IsFinite(vae.FinalTestLoss));

        var synthDir = Path.Combine(data.Dir, "synth");
        var s = MnistRuns.Synthesize(data.Dir, vaeDir, synthDir, Fidelity.Corrected, 3, 2.0, 4.0, 5, 0);
        Assert.Equal(Math.Sqrt(2 * 16 + 1), s.Release!.Sensitivity, 12);
        Assert.Equal(1.0, s.Release.SampleRate);
        var images = LabeledImages.Load(Path.Combine(synthDir, MnistDataset.TrainImages), Path.Combine(synthDir, MnistDataset.TrainLabels));
        Assert.Equal(IdxType.Float32, images.Images.Type);
        Assert.Equal(30, images.Count);
        Assert.Equal([0, 0, 0, 1, 1, 1], images.Labels[..6]);
        var px = images.Images.ToFloats();
        Assert.InRange(px.Min(), -0.4243f - 1e-4f, 2.8216f);  // corrected: standardised [0, 1] pixels

        var original = MnistRuns.Synthesize(data.Dir, vaeDir, Path.Combine(data.Dir, "orig"), Fidelity.Original, 3, 0, 0, 5, 0);
        Assert.Null(original.Release);
        Assert.Equal(Enumerable.Repeat(10.0, 10), original.ClassCounts);   // exact counts: the leak the study has
    }

    [Fact]
    public void Exact_Class_Stats_Should_Be_Per_Class_Averages_Of_The_Posterior()
    {
        using var data = new SyntheticMnist(train: 40, test: 10);
        using var train = MnistTensors.From(MnistDataset.Load(data.Dir).Train);
        random.manual_seed(2);
        using var vae = new MlpVae(latentDim: 4);
        var stats = Synthesis.ExactStats(vae, train);
        using var _ = no_grad();
        var (mu, _) = vae.Encode(train.Images.narrow(0, 0, 40));
        // class 3 is examples 3, 13, 23, 33
        var expected = (mu[3] + mu[13] + mu[23] + mu[33]) / 4;
        for (var j = 0; j < 4; j++) Assert.Equal(expected[j].item<float>(), stats.Means[3, j], 5);
        Assert.Equal(4.0, stats.Counts[3]);
    }
}
