using Privatar.DpSgd.Training;
using Privatar.Generators;
using Privatar.Generators.DpCgan;
using Privatar.Generators.Dpdm;
using Privatar.Generators.DpMerf;
using Privatar.Generators.DpVae;
using Privatar.Generators.Pate;
using Privatar.Generators.GsWgan;
using Privatar.Generators.Psg;

namespace Privatar.Synthesis.Runs;

/// <summary>
/// The method hyper-parameters a profile may change, each optional (absent: the method's published default). Which
/// ones a method reads is <see cref="Methods.Keys"/>; giving one the method does not read is an error.
/// </summary>
public sealed record MethodOptions(
    int? Epochs = null, int? BatchSize = null, double? Lr = null, double? GeneratorLr = null, double? MaxGradNorm = null,
    int? Features = null, double? RffSigma = null, int? LatentDim = null, double? StatsClip = null, double? StatsBudgetShare = null,
    int? Teachers = null, long? Steps = null, int? TeacherBatch = null, int? ProjectionDims = null, int? Bins = null, double? Sigma1Ratio = null,
    double? ThresholdShare = null, int? TopK = null,
    int? NoiseLevels = null, int? Nf = null, int[]? ChannelMultipliers = null, int? ResBlocks = null, int[]? AttentionResolutions = null,
    double? EmaRate = null, double? PMean = null, double? PStd = null, int? RowsPerPass = null, int? SamplerSteps = null, double? Guidance = null,

    int? Shards = null, int? Iterations = null, int? WarmSteps = null, int? CriticSteps = null,
    int? SamplesPerClass = null, int? NetWidth = null, double? NetLr = null);

/// <summary>The benchmark's generators by name, built from <see cref="MethodOptions"/>.</summary>
public static class Methods
{
    public static readonly string DpVaeCorrected = DpVaeGenerator.MethodName(Fidelity.Corrected);
    public static readonly string DpVaeOriginal = DpVaeGenerator.MethodName(Fidelity.Original);

    /// <summary>The listed methods; DPDM's noise-multiplicity ablation adds <c>dpdm-k&lt;K&gt;</c> ids (<see cref="DpdmGenerator.AblationName"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [DpMerfGenerator.Name, DpCganGenerator.Name, DpdmGenerator.Name, DpVaeCorrected, DpVaeOriginal, GPateGenerator.Name, DataLensGenerator.Name,
        GsWganGenerator.Name, PsgGenerator.Name];

    /// <summary>The options each method reads (property names of <see cref="MethodOptions"/>).</summary>
    public static IReadOnlyList<string> Keys(string method) => method switch
    {
        DpMerfGenerator.Name => [nameof(MethodOptions.Epochs), nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.Features), nameof(MethodOptions.RffSigma)],
        DpCganGenerator.Name => [nameof(MethodOptions.Epochs), nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.GeneratorLr), nameof(MethodOptions.MaxGradNorm)],
        _ when DpdmGenerator.IsDpdm(method) => [nameof(MethodOptions.Epochs), nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.MaxGradNorm),
            nameof(MethodOptions.NoiseLevels), nameof(MethodOptions.Steps), nameof(MethodOptions.Nf), nameof(MethodOptions.ChannelMultipliers), nameof(MethodOptions.ResBlocks),
            nameof(MethodOptions.AttentionResolutions), nameof(MethodOptions.EmaRate), nameof(MethodOptions.PMean), nameof(MethodOptions.PStd), nameof(MethodOptions.RowsPerPass),
            nameof(MethodOptions.SamplerSteps), nameof(MethodOptions.Guidance)],
        _ when method == DpVaeCorrected => [nameof(MethodOptions.Epochs), nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.MaxGradNorm),
            nameof(MethodOptions.LatentDim), nameof(MethodOptions.StatsClip), nameof(MethodOptions.StatsBudgetShare)],
        _ when method == DpVaeOriginal => [nameof(MethodOptions.Epochs), nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.MaxGradNorm), nameof(MethodOptions.LatentDim)],
        GPateGenerator.Name => [.. EnsembleKeys, nameof(MethodOptions.ProjectionDims), nameof(MethodOptions.Bins), nameof(MethodOptions.Sigma1Ratio), nameof(MethodOptions.ThresholdShare)],
        DataLensGenerator.Name => [.. EnsembleKeys, nameof(MethodOptions.TopK), nameof(MethodOptions.ThresholdShare)],
        GsWganGenerator.Name => [nameof(MethodOptions.Iterations), nameof(MethodOptions.Shards), nameof(MethodOptions.WarmSteps), nameof(MethodOptions.CriticSteps),
            nameof(MethodOptions.BatchSize), nameof(MethodOptions.Lr), nameof(MethodOptions.MaxGradNorm)],
        PsgGenerator.Name => [nameof(MethodOptions.SamplesPerClass), nameof(MethodOptions.Iterations), nameof(MethodOptions.BatchSize), nameof(MethodOptions.MaxGradNorm),
            nameof(MethodOptions.Lr), nameof(MethodOptions.NetLr), nameof(MethodOptions.NetWidth)],
        _ => throw new ArgumentException($"method: unknown '{method}' (expected one of {string.Join(", ", All)})"),
    };

    public static IImageGenerator Create(string method, MethodOptions o)
    {
        var given = typeof(MethodOptions).GetProperties().Where(p => p.GetValue(o) is not null).Select(p => p.Name);
        var stray = given.Except(Keys(method)).ToList();
        if (stray.Count > 0) throw new ArgumentException($"method {method} does not read {string.Join(", ", stray)}");
        if (method == DpMerfGenerator.Name)
        {
            var d = new DpMerfSettings();
            return new DpMerfGenerator(d with
            {
                Epochs = o.Epochs ?? d.Epochs, BatchSize = o.BatchSize ?? d.BatchSize, LearningRate = o.Lr ?? d.LearningRate,
                Features = o.Features ?? d.Features, RffSigma = o.RffSigma ?? d.RffSigma,
            });
        }
        if (method == DpCganGenerator.Name)
        {
            var d = new DpCganSettings();
            return new DpCganGenerator(d with
            {
                Epochs = o.Epochs ?? d.Epochs, BatchSize = o.BatchSize ?? d.BatchSize, DiscriminatorLr = o.Lr ?? d.DiscriminatorLr,
                GeneratorLr = o.GeneratorLr ?? d.GeneratorLr, MaxGradNorm = o.MaxGradNorm ?? d.MaxGradNorm,
            });
        }
        if (method == GPateGenerator.Name)
        {
            var d = new GPateSettings(Ensemble(o));
            return new GPateGenerator(d with
            {
                ProjectionDims = o.ProjectionDims ?? d.ProjectionDims, Bins = o.Bins ?? d.Bins, Sigma1Ratio = o.Sigma1Ratio ?? d.Sigma1Ratio,
                ThresholdShare = o.ThresholdShare ?? d.ThresholdShare,
            });
        }
        if (method == DataLensGenerator.Name)
        {
            var d = new DataLensSettings(Ensemble(o));
            return new DataLensGenerator(d with { TopK = o.TopK ?? d.TopK, ThresholdShare = o.ThresholdShare ?? d.ThresholdShare });
        }
        if (DpdmGenerator.IsDpdm(method))
        {
            var d = new DpdmSettings();
            return new DpdmGenerator(d with
            {
                Epochs = o.Epochs ?? d.Epochs, BatchSize = o.BatchSize ?? d.BatchSize, LearningRate = o.Lr ?? d.LearningRate,
                MaxGradNorm = o.MaxGradNorm ?? d.MaxGradNorm, NoiseLevels = o.NoiseLevels ?? d.NoiseLevels, Steps = o.Steps ?? d.Steps, Nf = o.Nf ?? d.Nf,
                ChannelMultipliers = o.ChannelMultipliers ?? d.ChannelMultipliers, ResBlocks = o.ResBlocks ?? d.ResBlocks,
                AttentionResolutions = o.AttentionResolutions ?? d.AttentionResolutions, EmaRate = o.EmaRate ?? d.EmaRate,
                PMean = o.PMean ?? d.PMean, PStd = o.PStd ?? d.PStd, RowsPerPass = o.RowsPerPass ?? d.RowsPerPass,
                SamplerSteps = o.SamplerSteps ?? d.SamplerSteps, Guidance = o.Guidance ?? d.Guidance,
            }, method);
        }
        if (method == GsWganGenerator.Name)
        {
            var d = new GsWganSettings();
            return new GsWganGenerator(d with
            {
                GeneratorSteps = o.Iterations ?? d.GeneratorSteps, Shards = o.Shards ?? d.Shards, WarmSteps = o.WarmSteps ?? d.WarmSteps,
                CriticSteps = o.CriticSteps ?? d.CriticSteps, BatchSize = o.BatchSize ?? d.BatchSize, Lr = o.Lr ?? d.Lr, Clip = o.MaxGradNorm ?? d.Clip,
            });
        }
        if (method == PsgGenerator.Name)
        {
            var d = new PsgSettings();
            return new PsgGenerator(d with
            {
                SamplesPerClass = o.SamplesPerClass ?? d.SamplesPerClass, Iterations = o.Iterations ?? d.Iterations, BatchReal = o.BatchSize ?? d.BatchReal,
                MaxGradNorm = o.MaxGradNorm ?? d.MaxGradNorm, LrImage = o.Lr ?? d.LrImage, LrNet = o.NetLr ?? d.LrNet, NetWidth = o.NetWidth ?? d.NetWidth,
            });
        }
        var fidelity = method == DpVaeCorrected ? Fidelity.Corrected : Fidelity.Original;
        var t = new TrainConfig();
        var v = new DpVaeSettings(fidelity, t);
        return new DpVaeGenerator(v with
        {
            Train = t with { Epochs = o.Epochs ?? t.Epochs, BatchSize = o.BatchSize ?? t.BatchSize, LearningRate = o.Lr ?? t.LearningRate },
            MaxGradNorm = o.MaxGradNorm ?? v.MaxGradNorm, LatentDim = o.LatentDim ?? v.LatentDim,
            StatsClip = o.StatsClip ?? v.StatsClip, StatsBudgetShare = o.StatsBudgetShare ?? v.StatsBudgetShare,
        });
    }

    /// <summary>The teacher-ensemble options G-PATE and DataLens share (Lr: the teachers').</summary>
    static readonly string[] EnsembleKeys = [nameof(MethodOptions.Teachers), nameof(MethodOptions.Steps), nameof(MethodOptions.BatchSize),
        nameof(MethodOptions.TeacherBatch), nameof(MethodOptions.Lr), nameof(MethodOptions.GeneratorLr)];

    static EnsembleSettings Ensemble(MethodOptions o)
    {
        var e = new EnsembleSettings();
        return e with
        {
            Teachers = o.Teachers ?? e.Teachers, Steps = o.Steps is { } steps ? checked((int)steps) : e.Steps, StudentBatch = o.BatchSize ?? e.StudentBatch,
            TeacherBatch = o.TeacherBatch ?? e.TeacherBatch, TeacherLr = o.Lr ?? e.TeacherLr, GeneratorLr = o.GeneratorLr ?? e.GeneratorLr,
        };
    }
}
