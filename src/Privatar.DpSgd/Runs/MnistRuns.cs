using Privatar.Core;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Runs;

/// <summary>
/// What a classifier or VAE run records next to its checkpoint: settings, privacy parameters (σ actually used; the
/// target ε and δ it was calibrated to, if any), results.
/// </summary>
public sealed record RunSummary(
    string Kind, string TrainSource, TrainConfig Train, DpConfig? Dp, string Fidelity,
    int TrainCount, int TestCount, string Route, double SampleRate, long Steps,
    double FinalTestLoss, double FinalTestAccuracy, int LatentDim = 0, double? TargetEpsilon = null, double? Delta = null)
{
    /// <summary>"reproducible run: not a DP release", or what a release says.</summary>
    public string Notice => Train.Noise.Notice();
}

/// <summary>What a synthesis run records: the generator's settings and any extra mechanism on private data.</summary>
public sealed record SynthesisSummary(string Vae, string Fidelity, int PerClass, ulong Seed, bool StatsArePrivate,
    GaussianRelease? Release, double[] ClassCounts, NoiseMode Noise = NoiseMode.Reproducible)
{
    public string Notice => Noise.Notice();
}

/// <summary>The verbs' work: load data, train, write files under an output directory.</summary>
public static class MnistRuns
{
    public const string ClassifierFile = "classifier.pt";
    public const string VaeFile = "vae.pt";

    /// <summary>Trains the CNN on <paramref name="trainDir"/>'s train split (real or synthetic) and tests on real MNIST.</summary>
    public static RunSummary TrainClassifier(string dataDir, string? trainDir, string outDir, TrainConfig cfg, DpRequest? request,
        int trainLimit, int testLimit, TrainLog log)
    {
        var real = MnistDataset.Load(dataDir);
        var trainSet = trainDir is null ? real.Train : LoadTrain(trainDir);
        using var train = MnistTensors.From(trainSet, trainLimit);
        using var test = MnistTensors.From(real.Test, testLimit);
        var dp = Resolve(request, train.Count, cfg, log);
        random.manual_seed((long)Seeds.Init(cfg.Seed));
        using var model = new MnistCnn();
        var result = ClassifierTraining.Run(model, train, test, cfg, dp, log);
        RunFiles.WriteMetrics(Path.Combine(outDir, RunFiles.Metrics), result.Epochs);
        RunFiles.SaveModel(Path.Combine(outDir, ClassifierFile), model);
        var summary = new RunSummary("classifier", trainDir ?? dataDir, cfg, dp, "n/a", (int)train.Count, (int)test.Count,
            result.Route, result.SampleRate, result.Steps, result.Final.TestLoss, result.Final.TestAccuracy, 0,
            request?.TargetEpsilon, request?.TargetEpsilon is null ? null : request.Delta);
        RunFiles.WriteJson(Path.Combine(outDir, RunFiles.Summary), summary);
        return summary;
    }

    public static RunSummary TrainVae(string dataDir, string outDir, TrainConfig cfg, DpRequest? request, Fidelity fidelity,
        int trainLimit, int testLimit, int latentDim, TrainLog log)
    {
        var real = MnistDataset.Load(dataDir);
        using var train = MnistTensors.From(real.Train, trainLimit);
        using var test = MnistTensors.From(real.Test, testLimit);
        var dp = Resolve(request, train.Count, cfg, log);
        random.manual_seed((long)Seeds.Init(cfg.Seed));
        using var vae = new MlpVae(latentDim);
        var result = VaeTraining.Run(vae, train, test, cfg, dp, fidelity, log);
        RunFiles.WriteMetrics(Path.Combine(outDir, RunFiles.Metrics), result.Epochs);
        RunFiles.SaveModel(Path.Combine(outDir, VaeFile), vae);
        var summary = new RunSummary("vae", dataDir, cfg, dp, fidelity.ToString().ToLowerInvariant(), (int)train.Count,
            (int)test.Count, result.Route, result.SampleRate, result.Steps, result.Final.TestLoss, double.NaN, latentDim,
            request?.TargetEpsilon, request?.TargetEpsilon is null ? null : request.Delta);
        RunFiles.WriteJson(Path.Combine(outDir, RunFiles.Summary), summary);
        return summary;
    }

    /// <summary>
    /// Writes train-images/labels IDX (float32 images in classifier space) and synthesis.json under outDir, and a
    /// sample grid PNG when <paramref name="gridPath"/> is given. <paramref name="fidelity"/> chooses how the class
    /// statistics are released (original: exactly, the study's leak; corrected: Gaussian mechanism); the images'
    /// space follows the VAE's own training targets (recorded in its summary), so both releases of one VAE are comparable.
    /// </summary>
    public static SynthesisSummary Synthesize(string dataDir, string vaeDir, string outDir, Fidelity fidelity, int perClass,
        double statsNoiseMultiplier, double statsClip, ulong seed, int trainLimit, string? gridPath = null, NoiseMode noise = NoiseMode.Reproducible)
    {
        var vaeRun = RunFiles.ReadJson<RunSummary>(Path.Combine(vaeDir, RunFiles.Summary));
        if (vaeRun.Kind != "vae") throw new InvalidDataException($"{vaeDir}: summary kind is '{vaeRun.Kind}', expected 'vae'");
        var vaeTargets = ParseFidelity(vaeRun.Fidelity, $"{vaeDir}/{RunFiles.Summary}: fidelity");
        var real = MnistDataset.Load(dataDir);
        using var train = MnistTensors.From(real.Train, trainLimit);
        using var vae = new MlpVae(vaeRun.LatentDim);
        RunFiles.LoadModel(Path.Combine(vaeDir, VaeFile), vae);
        ClassStats stats;
        GaussianRelease? release = null;
        if (fidelity == Fidelity.Original) stats = Synthesis.ExactStats(vae, train);
        else (stats, release) = Synthesis.PrivateStats(vae, train, statsNoiseMultiplier, statsClip, Seeds.StatsNoise(seed), noise);
        var images = Synthesis.Generate(vae, stats, perClass, vaeTargets, Seeds.SyntheticDraw(seed));
        images.Save(Path.Combine(outDir, MnistDataset.TrainImages), Path.Combine(outDir, MnistDataset.TrainLabels));
        if (gridPath is not null)
            Png.Write(gridPath, SampleGrid.Render(images, perClass, Math.Min(perClass, SampleGrid.DefaultColumns), vaeTargets));
        var summary = new SynthesisSummary(vaeDir, fidelity.ToString().ToLowerInvariant(), perClass, seed, release is not null,
            release, stats.Counts, noise);
        RunFiles.WriteJson(Path.Combine(outDir, SynthesisFile), summary);
        return summary;
    }

    public const string SynthesisFile = "synthesis.json";

    /// <summary>"original" / "corrected" (as summaries and options spell them).</summary>
    public static Fidelity ParseFidelity(string text, string what) => text switch
    {
        "original" => Fidelity.Original,
        "corrected" => Fidelity.Corrected,
        _ => throw new ArgumentException($"{what}: expected 'original' or 'corrected', got '{text}'"),
    };

    static DpConfig? Resolve(DpRequest? request, long n, TrainConfig cfg, TrainLog log)
    {
        if (request is null) return null;
        var dp = request.Resolve(n, cfg);
        if (request.TargetEpsilon is { } eps)
            log($"noise multiplier {dp.NoiseMultiplier:G6} for ε = {eps} at δ = {request.Delta} ({request.Accountant.Kind.ToString().ToLowerInvariant()}, N = {n})");
        return dp;
    }

    static LabeledImages LoadTrain(string dir) =>
        LabeledImages.Load(Path.Combine(dir, MnistDataset.TrainImages), Path.Combine(dir, MnistDataset.TrainLabels));
}
