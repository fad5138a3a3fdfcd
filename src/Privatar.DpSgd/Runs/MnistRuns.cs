using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Runs;

/// <summary>What a classifier or VAE run records next to its checkpoint: settings, privacy parameters, results.</summary>
public sealed record RunSummary(
    string Kind, string TrainSource, TrainConfig Train, DpConfig? Dp, string Fidelity,
    int TrainCount, int TestCount, string Route, double SampleRate, long Steps,
    double FinalTestLoss, double FinalTestAccuracy, int LatentDim = 0);

/// <summary>What a synthesis run records: the generator's settings and any extra mechanism on private data.</summary>
public sealed record SynthesisSummary(string Vae, string Fidelity, int PerClass, ulong Seed, bool StatsArePrivate,
    GaussianRelease? Release, double[] ClassCounts);

/// <summary>The verbs' work: load data, train, write files under an output directory.</summary>
public static class MnistRuns
{
    public const string ClassifierFile = "classifier.pt";
    public const string VaeFile = "vae.pt";

    /// <summary>Trains the CNN on <paramref name="trainDir"/>'s train split (real or synthetic) and tests on real MNIST.</summary>
    public static RunSummary TrainClassifier(string dataDir, string? trainDir, string outDir, TrainConfig cfg, DpConfig? dp,
        int trainLimit, int testLimit, TrainLog log)
    {
        var real = MnistDataset.Load(dataDir);
        var trainSet = trainDir is null ? real.Train : LoadTrain(trainDir);
        using var train = MnistTensors.From(trainSet, trainLimit);
        using var test = MnistTensors.From(real.Test, testLimit);
        random.manual_seed((long)Seeds.Init(cfg.Seed));
        using var model = new MnistCnn();
        var result = ClassifierTraining.Run(model, train, test, cfg, dp, log);
        RunFiles.WriteMetrics(Path.Combine(outDir, RunFiles.Metrics), result.Epochs);
        RunFiles.SaveModel(Path.Combine(outDir, ClassifierFile), model);
        var summary = new RunSummary("classifier", trainDir ?? dataDir, cfg, dp, "n/a", (int)train.Count, (int)test.Count,
            result.Route, result.SampleRate, result.Steps, result.Final.TestLoss, result.Final.TestAccuracy);
        RunFiles.WriteJson(Path.Combine(outDir, RunFiles.Summary), summary);
        return summary;
    }

    public static RunSummary TrainVae(string dataDir, string outDir, TrainConfig cfg, DpConfig? dp, Fidelity fidelity,
        int trainLimit, int testLimit, int latentDim, TrainLog log)
    {
        var real = MnistDataset.Load(dataDir);
        using var train = MnistTensors.From(real.Train, trainLimit);
        using var test = MnistTensors.From(real.Test, testLimit);
        random.manual_seed((long)Seeds.Init(cfg.Seed));
        using var vae = new MlpVae(latentDim);
        var result = VaeTraining.Run(vae, train, test, cfg, dp, fidelity, log);
        RunFiles.WriteMetrics(Path.Combine(outDir, RunFiles.Metrics), result.Epochs);
        RunFiles.SaveModel(Path.Combine(outDir, VaeFile), vae);
        var summary = new RunSummary("vae", dataDir, cfg, dp, fidelity.ToString().ToLowerInvariant(), (int)train.Count,
            (int)test.Count, result.Route, result.SampleRate, result.Steps, result.Final.TestLoss, double.NaN, latentDim);
        RunFiles.WriteJson(Path.Combine(outDir, RunFiles.Summary), summary);
        return summary;
    }

    /// <summary>Writes train-images/labels IDX (float32 images in classifier space) and synthesis.json under outDir.</summary>
    public static SynthesisSummary Synthesize(string dataDir, string vaeDir, string outDir, Fidelity fidelity, int perClass,
        double statsNoiseMultiplier, double statsClip, ulong seed, int trainLimit)
    {
        var vaeRun = RunFiles.ReadJson<RunSummary>(Path.Combine(vaeDir, RunFiles.Summary));
        if (vaeRun.Kind != "vae") throw new InvalidDataException($"{vaeDir}: summary kind is '{vaeRun.Kind}', expected 'vae'");
        var real = MnistDataset.Load(dataDir);
        using var train = MnistTensors.From(real.Train, trainLimit);
        using var vae = new MlpVae(vaeRun.LatentDim);
        RunFiles.LoadModel(Path.Combine(vaeDir, VaeFile), vae);
        ClassStats stats;
        GaussianRelease? release = null;
        if (fidelity == Fidelity.Original) stats = Synthesis.ExactStats(vae, train);
        else (stats, release) = Synthesis.PrivateStats(vae, train, statsNoiseMultiplier, statsClip, seed * 2 + 1);
        var images = Synthesis.Generate(vae, stats, perClass, fidelity, seed * 2);
        images.Save(Path.Combine(outDir, MnistDataset.TrainImages), Path.Combine(outDir, MnistDataset.TrainLabels));
        var summary = new SynthesisSummary(vaeDir, fidelity.ToString().ToLowerInvariant(), perClass, seed, release is not null,
            release, stats.Counts);
        RunFiles.WriteJson(Path.Combine(outDir, "synthesis.json"), summary);
        return summary;
    }

    static LabeledImages LoadTrain(string dir) =>
        LabeledImages.Load(Path.Combine(dir, MnistDataset.TrainImages), Path.Combine(dir, MnistDataset.TrainLabels));
}
