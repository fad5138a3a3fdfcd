using System.Diagnostics;
using Privatar.Accounting;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Training;
using Privatar.Generators;
using Privatar.Generators.DpMerf;
using Privatar.Mnist;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

// dotnet bench/generators/bin/Release/net10.0/GeneratorsBench.dll --mnist DIR [--epsilons 1,10] [--features 10000]
//   [--epochs 5] [--threads 1] [--cnn-epochs 3] [--out bench/results/generators.json] [--sets DIR]
var opts = Args.Parse(args);
new TorchSettings("cpu", opts.Threads).Apply();
var mnist = MnistDataset.Load(opts.Mnist);
using var test = MnistTensors.From(mnist.Test);
var rows = new List<Row>();
var settings = new DpMerfSettings(Features: opts.Features, Epochs: opts.Epochs);
foreach (var eps in opts.Epsilons)
{
    var load0 = LoadAverage();
    var request = new GeneratorRequest("mnist", mnist.Train, eps, 1e-5, 1, new AccountantOptions(), 60_000);
    var clock = Stopwatch.StartNew();
    var output = new DpMerfGenerator(settings).Generate(request, Console.WriteLine);
    var genSeconds = clock.Elapsed.TotalSeconds;
    if (opts.Sets is { } sets) output.Write(Path.Combine(sets, $"dp-merf_mnist_eps{eps}"));
    // TSTR check: the study's CNN, non-private, on the synthetic set; real test accuracy after a fixed epoch count
    // (no selection on the real test set).
    using var train = MnistTensors.From(ToLabeled(output.Set));
    random.manual_seed(7);
    using var cnn = new MnistCnn();
    clock.Restart();
    var result = ClassifierTraining.Run(cnn, train, test, new TrainConfig(opts.CnnEpochs, 1e-3, 64, 7), null, Console.WriteLine);
    var row = new Row("dp-merf", "mnist", eps, output.Privacy.Epsilon, output.Privacy.Mechanisms[0].NoiseMultiplier, settings,
        genSeconds, clock.Elapsed.TotalSeconds, opts.CnnEpochs, result.Final.TestAccuracy, load0, LoadAverage());
    rows.Add(row);
    Console.WriteLine($"dp-merf mnist ε {eps}: generator {genSeconds:F0} s, CNN TSTR accuracy {row.CnnAccuracy:F4} (load {load0:F1} → {row.LoadAfter:F1})");
}
RunFiles.WriteJson(opts.Out, new Report(torch.get_num_threads(), Environment.ProcessorCount, rows));
Console.WriteLine($"wrote {opts.Out}");
return 0;

/// <summary>The set in the classifier's input space (MNIST standardisation), as the study's loaders expect.</summary>
static LabeledImages ToLabeled(SyntheticSet s) =>
    new(IdxArray.FromFloats(s.Pixels.Select(p => (float)((p - MnistTensors.Mean) / MnistTensors.Std)).ToArray(), s.Count, s.Height, s.Width),
        s.Labels.Select(l => (byte)l).ToArray());

static double LoadAverage() =>
    double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

sealed record Row(string Method, string Dataset, double TargetEpsilon, double Epsilon, double NoiseMultiplier, DpMerfSettings Settings,
    double GeneratorSeconds, double CnnSeconds, int CnnEpochs, double CnnAccuracy, double LoadBefore, double LoadAfter);

sealed record Report(int Threads, int Cores, IReadOnlyList<Row> Rows);

sealed record Args(string Mnist, double[] Epsilons, int Features, int Epochs, int Threads, int CnnEpochs, string Out, string? Sets)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(a, name);
            return i >= 0 && i + 1 < a.Length ? a[i + 1] : fallback;
        }
        var ic = System.Globalization.CultureInfo.InvariantCulture;
        return new Args(
            Get("--mnist", "artifacts/data/mnist"),
            Get("--epsilons", "1,10").Split(',').Select(s => double.Parse(s, ic)).ToArray(),
            int.Parse(Get("--features", "10000"), ic), int.Parse(Get("--epochs", "5"), ic),
            int.Parse(Get("--threads", "1"), ic), int.Parse(Get("--cnn-epochs", "3"), ic),
            Get("--out", "bench/results/generators.json"),
            Array.IndexOf(a, "--sets") >= 0 ? Get("--sets", "") : null);
    }
}
