using Privatar.Core;
using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.Generators;
using Privatar.Generators.Dpdm;
using Privatar.Mnist;
using Privatar.Results;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Synthesis.Evaluation;
using Privatar.Synthesis.Metrics;

namespace Privatar.Synthesis.Runs;

/// <summary>One generator unit's request: the method on one dataset at one target ε.</summary>
public sealed record GenerateRequest(string DataDir, DatasetId Dataset, string Method, MethodOptions Options, double TargetEpsilon,
    double Delta, AccountantOptions Accountant, long Seed, int Samples, int TrainLimit, NoiseMode Noise = NoiseMode.Reproducible);

/// <summary>One evaluation unit's request: a released set (a generator's folder, or null for the real training split).</summary>
public sealed record EvaluateRequest(string DataDir, DatasetId Dataset, string? SetDir, string EvaluatorPath,
    IReadOnlyList<ClassifierKind> Classifiers, TstrConfig Tstr, FeatureMetricsConfig Metrics, int MetricSamples, int TrainLimit, int TestLimit, long Seed);

/// <summary>The benchmark's unit work: generate, train the evaluator, evaluate, gather. The CLI verbs call these.</summary>
public static class SynthesisRuns
{
    public const string EvaluatorFile = "evaluator.pt";
    public const string EvaluatorSummary = "evaluator.json";

    /// <summary>Trains the method on the dataset's (limited) training split and writes the set folder.</summary>
    public static PrivacyRecord Generate(GenerateRequest r, string outDir, Action<string> log)
    {
        var data = MnistDataset.Load(r.DataDir);
        var generator = Methods.Create(r.Method, r.Options);
        var request = new GeneratorRequest(r.Dataset.Name(), data.Train.Take(r.TrainLimit), r.TargetEpsilon, r.Delta,
            unchecked((ulong)r.Seed), r.Accountant, r.Samples, r.Noise);
        var output = generator.Generate(request, line => log(line));
        output.Write(outDir);
        return output.Privacy;
    }

    /// <summary>
    /// Replicate <paramref name="replicate"/> of a DPDM release: a further set from its denoiser, with the sampler of
    /// <paramref name="options"/>, into <paramref name="outDir"/>.
    /// </summary>
    public static PrivacyRecord Resample(string releaseDir, MethodOptions options, int samples, int replicate, string outDir, Action<string> log)
    {
        var method = PrivacyRecord.Read(Path.Combine(releaseDir, PrivacyRecord.FileName)).Method;
        if (!DpdmGenerator.IsDpdm(method))
            throw new InvalidDataException($"{releaseDir}/{PrivacyRecord.FileName}: method '{method}' keeps no model to draw from; only DPDM's releases do");
        var dpdm = (DpdmGenerator)Methods.Create(method, options);
        var output = dpdm.Resample(releaseDir, samples, replicate, line => log(line));
        output.Write(outDir);
        return output.Privacy;
    }

    /// <summary>The evaluator CNN on the real training split (epoch chosen on its held-out 10%), checkpoint and summary.</summary>
    public static TstrResult TrainEvaluator(string dataDir, TstrConfig cfg, int trainLimit, int testLimit, string outDir, Action<string> log)
    {
        var (train, test) = DatasetSources.Load(dataDir);
        var (model, result) = EvaluatorCnn.Train(train.Take(trainLimit), test.Take(testLimit), cfg, log);
        using (model)
        {
            Directory.CreateDirectory(outDir);
            EvaluatorCnn.Save(model, Path.Combine(outDir, EvaluatorFile));
        }
        RunFiles.WriteJson(Path.Combine(outDir, EvaluatorSummary), result);
        return result;
    }

    /// <summary>
    /// TSTR for every classifier and the set's feature metrics against the real test split; one row per classifier,
    /// written to <paramref name="outCsv"/>. For the real training split the metrics compare it with the real test split
    /// (the floor a generator could reach in these features).
    /// </summary>
    public static IReadOnlyList<SynthesisRow> Evaluate(EvaluateRequest r, string outCsv, Action<string> log)
    {
        var (realTrain, realTest) = DatasetSources.Load(r.DataDir);
        realTest = realTest.Take(r.TestLimit);
        ImageSet set;
        PrivacyRecord? privacy = null;
        if (r.SetDir is null) set = realTrain.Take(r.TrainLimit);
        else
        {
            (var synthetic, privacy) = SyntheticSet.Read(r.SetDir);
            if (privacy.Dataset != r.Dataset.Name())
                throw new InvalidDataException($"{r.SetDir}/{PrivacyRecord.FileName}: dataset '{privacy.Dataset}', expected '{r.Dataset.Name()}'");
            set = new ImageSet(synthetic.Pixels, synthetic.Labels, r.SetDir);
        }
        // A replicate set is trained on and measured under its own seeds, so replicates vary evaluation as well as sampling.
        var replicate = privacy?.ReplicateNumber ?? 0;
        var seed = SeedStreams.ReplicateRoot(r.Seed, replicate);
        var tstrCfg = r.Tstr with { Seed = seed };

        using var evaluator = EvaluatorCnn.Load(r.EvaluatorPath);
        var (realFeatures, setFeatures) = (EvaluatorCnn.Features(evaluator, realTest.Take(r.MetricSamples)), EvaluatorCnn.Features(evaluator, Spread(set, r.MetricSamples)));
        var metricsCfg = r.Metrics with { Seed = (int)(seed & int.MaxValue) };
        if (setFeatures.RowCount < metricsCfg.KidSubsetSize)   // a released set smaller than a KID subset (PSG's): KID on all of it
        {
            metricsCfg = metricsCfg with { KidSubsetSize = Math.Min(setFeatures.RowCount, realFeatures.RowCount) };
            log($"{r.SetDir}: {setFeatures.RowCount} released images, below the KID subset size {r.Metrics.KidSubsetSize}; KID subsets of {metricsCfg.KidSubsetSize}");
        }
        var metrics = FeatureMetrics.Compute(realFeatures, setFeatures, metricsCfg);
        log($"{FeatureMetrics.FeatureSpace}: FID {metrics.Fid:G5}, KID {metrics.KidMean:G4} ± {metrics.KidStd:G3}, " +
            $"precision {metrics.Precision:F3}, recall {metrics.Recall:F3}, density {metrics.Density:F3}, coverage {metrics.Coverage:F3}");

        var rows = new List<SynthesisRow>();
        foreach (var kind in r.Classifiers)
        {
            var tstr = Tstr.Run(kind, set, realTest, tstrCfg, log);
            log($"{kind.Name()}: real-test accuracy {tstr.TestAccuracy:F4} at epoch {tstr.SelectedEpoch} (held-out {tstr.HeldOutAccuracy:F4})");
            rows.Add(new SynthesisRow
            {
                Method = privacy?.Method ?? SynthesisRow.RealData, Dataset = r.Dataset.Name(),
                TargetEpsilon = privacy?.TargetEpsilon, Epsilon = privacy is { } p && double.IsFinite(p.Epsilon) ? p.Epsilon : null, Delta = privacy?.Delta,
                Classifier = kind.Name(), Accuracy = tstr.TestAccuracy,
                FidLocal = metrics.Fid, KidLocal = metrics.KidMean, KidLocalStd = metrics.KidStd,
                Precision = metrics.Precision, Recall = metrics.Recall, Density = metrics.Density, Coverage = metrics.Coverage, Seed = r.Seed,
                Noise = privacy is null ? "" : NoiseModes.Name(privacy.Noise), Replicate = replicate,
            });
        }
        ResultCsv.WriteFile(ResultFamilies.Synthesis, outCsv, rows);
        return rows;
    }

    /// <summary>
    /// Evaluation slices → one validated, sorted synthesis.csv, and DPDM's ablation over its replicates →
    /// synthesis_ablation.csv (header only when no ablation ran). Both are checked before either is written.
    /// </summary>
    public static (int Rows, int AblationRows) Gather(IReadOnlyList<string> slices, string outCsv, string ablationCsv, int dpdmNoiseLevels)
    {
        var rows = ResultCsv.Validated(ResultFamilies.Synthesis, slices.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.Synthesis, f)));
        var ablation = ResultCsv.Validated(ResultFamilies.SynthesisAblation, AblationSummary.Summarise(rows, dpdmNoiseLevels));
        ResultCsv.WriteFile(ResultFamilies.Synthesis, outCsv, rows);
        ResultCsv.WriteFile(ResultFamilies.SynthesisAblation, ablationCsv, ablation);
        return (rows.Count, ablation.Count);
    }

    /// <summary>At most n examples spread evenly over the set (generators write class after class, so a prefix would hold few classes).</summary>
    static ImageSet Spread(ImageSet set, int n)
    {
        if (n <= 0 || n >= set.Count) return set;
        return set.Select([.. Enumerable.Range(0, n).Select(i => (int)((long)i * set.Count / n))]);
    }
}
