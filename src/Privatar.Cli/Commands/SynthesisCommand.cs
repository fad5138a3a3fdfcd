using System.CommandLine;
using Privatar.Accounting;
using Privatar.Contracts.Verbs;
using Privatar.DpSgd.Training;
using Privatar.Generators.DpCgan;
using Privatar.Generators.DpMerf;
using Privatar.Generators.Pate;
using Privatar.Generators.GsWgan;
using Privatar.Generators.Psg;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Synthesis.Evaluation;
using Privatar.Synthesis.Metrics;
using Privatar.Synthesis.Runs;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar synthesis fetch|dp-merf|dp-cgan|dpdm|dpdm-sample|gs-wgan|psg|dp-vae|g-pate|datalens|evaluator|evaluate|gather</c>: the DP image-synthesis benchmark's
/// units, each bound to its contract in Privatar.Contracts (SynthesisContracts).
/// </summary>
public static class SynthesisCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "synthesis", "DP image-synthesis benchmark: data, generators, TSTR and local-CNN feature metrics");
        group.Subcommands.Add(ContractCommand.Build<SynthesisFetchArgs>(Fetch));
        group.Subcommands.Add(ContractCommand.Build<DpMerfArgs>(a => Generate(a, DpMerfGenerator.Name,
            new MethodOptions(Epochs: a.Epochs, BatchSize: a.BatchSize, Lr: a.Lr, Features: a.Features, RffSigma: a.RffSigma))));
        group.Subcommands.Add(ContractCommand.Build<DpCganArgs>(a => Generate(a, DpCganGenerator.Name,
            new MethodOptions(Epochs: a.Epochs, BatchSize: a.BatchSize, Lr: a.Lr, GeneratorLr: a.GeneratorLr, MaxGradNorm: a.MaxGradNorm))));
        group.Subcommands.Add(ContractCommand.Build<GPateArgs>(a => Generate(a, GPateGenerator.Name, new MethodOptions(BatchSize: a.BatchSize, Lr: a.Lr,
            GeneratorLr: a.GeneratorLr, Teachers: a.Teachers, Steps: a.Steps, TeacherBatch: a.TeacherBatch, ProjectionDims: a.ProjectionDims, Bins: a.Bins,
            Sigma1Ratio: a.Sigma1Ratio, ThresholdShare: a.ThresholdShare))));
        group.Subcommands.Add(ContractCommand.Build<DataLensArgs>(a => Generate(a, DataLensGenerator.Name, new MethodOptions(BatchSize: a.BatchSize, Lr: a.Lr,
            GeneratorLr: a.GeneratorLr, Teachers: a.Teachers, Steps: a.Steps, TeacherBatch: a.TeacherBatch, TopK: a.TopK, ThresholdShare: a.ThresholdShare))));
        group.Subcommands.Add(ContractCommand.Build<DpdmArgs>(a => Generate(a, a.Method,
            new MethodOptions(Epochs: a.Epochs, BatchSize: a.BatchSize, Lr: a.Lr, MaxGradNorm: a.MaxGradNorm, NoiseLevels: DpdmK(a), Steps: a.Steps,
                Nf: a.Nf, ChannelMultipliers: [.. a.ChannelMultipliers], ResBlocks: a.ResBlocks, AttentionResolutions: [.. a.AttentionResolutions],
                EmaRate: a.EmaRate, PMean: a.PMean, PStd: a.PStd, RowsPerPass: a.RowsPerPass, SamplerSteps: a.SamplerSteps, Guidance: a.Guidance))));
        group.Subcommands.Add(ContractCommand.Build<DpdmSampleArgs>(Resample));
        group.Subcommands.Add(ContractCommand.Build<GsWganArgs>(a => Generate(a, GsWganGenerator.Name,
            new MethodOptions(Iterations: a.GeneratorSteps, Shards: a.Shards, WarmSteps: a.WarmSteps, CriticSteps: a.CriticSteps,
                BatchSize: a.BatchSize, Lr: a.Lr, MaxGradNorm: a.MaxGradNorm))));
        group.Subcommands.Add(ContractCommand.Build<PsgArgs>(a => Generate(a, PsgGenerator.Name,
            new MethodOptions(SamplesPerClass: a.SamplesPerClass, Iterations: a.Iterations, BatchSize: a.BatchSize, MaxGradNorm: a.MaxGradNorm,
                Lr: a.LrImage, NetLr: a.LrNet, NetWidth: a.NetWidth))));
        group.Subcommands.Add(ContractCommand.Build<DpVaeArgs>(a =>
        {
            var fidelity = MnistRunsFidelity(a.Fidelity);
            var corrected = fidelity == Fidelity.Corrected;
            if (corrected && (a.StatsClip is null || a.StatsBudgetShare is null))
                throw new ArgumentException("--stats-clip and --stats-budget-share: required under fidelity corrected");
            if (!corrected && (a.StatsClip is not null || a.StatsBudgetShare is not null))
                throw new ArgumentException("--stats-clip and --stats-budget-share: fidelity original releases exact statistics and reads neither");
            return Generate(a, corrected ? Methods.DpVaeCorrected : Methods.DpVaeOriginal, new MethodOptions(Epochs: a.Epochs, BatchSize: a.BatchSize,
                Lr: a.Lr, MaxGradNorm: a.MaxGradNorm, LatentDim: a.LatentDim, StatsClip: a.StatsClip, StatsBudgetShare: a.StatsBudgetShare));
        }));
        group.Subcommands.Add(ContractCommand.Build<SynthesisEvaluatorArgs>(Evaluator));
        group.Subcommands.Add(ContractCommand.Build<SynthesisEvaluateArgs>(Evaluate));
        group.Subcommands.Add(ContractCommand.Build<SynthesisGatherArgs>(Gather));
    }

    static void Log(string line) => AnsiConsole.Console.WriteLine(line);

    /// <summary>K as the generator reads it: --noise-levels for dpdm (required), none for an ablation id dpdm-k&lt;K&gt;, which carries its own.</summary>
    static int? DpdmK(DpdmArgs a) =>
        a.Method != DpdmArgs.MainMethod ? null
        : a.NoiseLevels ?? throw new ArgumentException("--noise-levels: required for --method dpdm (or give --profile to read dpdm.noise_levels)");

    static Fidelity MnistRunsFidelity(string text) => Privatar.DpSgd.Runs.MnistRuns.ParseFidelity(text, "--fidelity");

    static int Fetch(SynthesisFetchArgs a)
    {
        var dir = DatasetSources.Fetch(DatasetIds.Parse(a.Dataset, "--dataset"), a.Cache, a.Out, Log);
        var (train, test) = DatasetSources.Load(dir);
        Log($"{a.Dataset} ready in {dir}: {train.Count} train, {test.Count} test images");
        return 0;
    }

    static int Generate(GeneratorArgs a, string method, MethodOptions options)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var request = new GenerateRequest(a.Data, DatasetIds.Parse(a.Dataset, "--dataset"), method, options, a.TargetEpsilon, a.Delta,
            new AccountantOptions(AccountantOptions.ParseKind(a.Accountant)), a.Seed, a.Samples, a.TrainLimit, a.Noise);
        var privacy = SynthesisRuns.Generate(request, a.Out, Log);
        Log($"{privacy.Method} on {privacy.Dataset}: ε = {privacy.Epsilon:G6} at δ = {privacy.Delta} (target {privacy.TargetEpsilon})");
        return 0;
    }

    static int Resample(DpdmSampleArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var privacy = SynthesisRuns.Resample(a.Release, new MethodOptions(SamplerSteps: a.SamplerSteps, Guidance: a.Guidance), a.Samples, a.Replicate, a.Out, Log);
        Log($"{privacy.Method} on {privacy.Dataset}, replicate {a.Replicate}: ε = {privacy.Epsilon:G6} at δ = {privacy.Delta} (the release's)");
        return 0;
    }

    static TstrConfig Tstr(TstrArgs a, int epochs) => new(epochs, a.BatchSize, a.Lr, TrainLimit: a.TstrLimit, Seed: a.Seed);

    static int Evaluator(SynthesisEvaluatorArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var r = SynthesisRuns.TrainEvaluator(a.Data, Tstr(a, a.Epochs), a.TrainLimit, a.TestLimit, a.Out, Log);
        Log($"evaluator CNN: real-test accuracy {r.TestAccuracy:F4} at epoch {r.SelectedEpoch}");
        return 0;
    }

    static int Evaluate(SynthesisEvaluateArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        if (a.Classifier.Count == 0) throw new ArgumentException("--classifier: give at least one downstream classifier");
        var kinds = a.Classifier.Select(c => ClassifierKinds.Parse(c, "--classifier")).ToList();
        var metrics = new FeatureMetricsConfig(a.KidSubsets, a.KidSubsetSize, a.PrdcK);   // its seed: the set's replicate root, in Evaluate
        var request = new EvaluateRequest(a.Data, DatasetIds.Parse(a.Dataset, "--dataset"), a.Set, a.Evaluator, kinds, Tstr(a, a.Epochs) with { StepReference = a.Samples }, metrics,
            a.MetricSamples, a.TrainLimit, a.TestLimit, a.Seed);
        var rows = SynthesisRuns.Evaluate(request, a.Out, Log);
        Log($"{rows.Count} rows -> {a.Out}");
        return 0;
    }

    static int Gather(SynthesisGatherArgs a)
    {
        if (a.Slices.Count == 0) throw new ArgumentException("--slices: give at least one evaluation slice");
        var (n, ablation) = SynthesisRuns.Gather(a.Slices, a.Out, a.AblationOut, a.NoiseLevels);
        Log($"{n} rows -> {a.Out}; {ablation} rows -> {a.AblationOut}");
        return 0;
    }
}
