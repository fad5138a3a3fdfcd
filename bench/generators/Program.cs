using System.Diagnostics;
using System.Globalization;
using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Training;
using Privatar.Generators;
using Privatar.Generators.DpCgan;
using Privatar.Generators.DpMerf;
using Privatar.Generators.DpVae;
using Privatar.Mnist;
using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Synthesis.Evaluation;
using Privatar.Torch;

// dotnet bench/generators/bin/Release/net10.0/GeneratorsBench.dll --mnist DIR [--methods dp-merf,dp-cgan,dp-vae-corrected]
//   [--epsilons 1,10] [--samples 60000] [--threads 1] [--cnn-epochs 0] [--vae-epochs 2] [--vae-batch 256]
//   [--out bench/results/generators.json]
// Generator settings are each method's defaults (the papers'; DP-VAE: the functional profile's schedule, see --vae-*).
// --cnn-epochs > 0 adds a TSTR check: DPDM's CNN on the synthetic set, epoch chosen on 10% held-out synthetic data.
var opts = Args.Parse(args);
new TorchSettings("cpu", opts.Threads).Apply();
var mnist = MnistDataset.Load(opts.Mnist);
var realTest = ImageSet.FromIdx(mnist.Test, opts.Mnist);
var rows = new List<Row>();
foreach (var method in opts.Methods)
    foreach (var eps in opts.Epsilons)
    {
        IImageGenerator generator = method switch
        {
            DpMerfGenerator.Name => new DpMerfGenerator(new DpMerfSettings()),
            DpCganGenerator.Name => new DpCganGenerator(new DpCganSettings()),
            _ when method == DpVaeGenerator.MethodName(Fidelity.Corrected) || method == DpVaeGenerator.MethodName(Fidelity.Original) =>
                new DpVaeGenerator(new DpVaeSettings(method.EndsWith("original") ? Fidelity.Original : Fidelity.Corrected,
                    new TrainConfig(Epochs: opts.VaeEpochs, BatchSize: opts.VaeBatch))),
            _ => throw new ArgumentException($"--methods: unknown method '{method}'"),
        };
        var load0 = LoadAverage();
        var request = new GeneratorRequest("mnist", mnist.Train, eps, 1e-5, 1, new AccountantOptions(), opts.Samples);
        var clock = Stopwatch.StartNew();
        var output = generator.Generate(request, Console.WriteLine);
        var genSeconds = clock.Elapsed.TotalSeconds;
        double? accuracy = null, cnnSeconds = null;
        if (opts.CnnEpochs > 0)
        {
            clock.Restart();
            var set = new ImageSet(output.Set.Pixels, output.Set.Labels, method);
            accuracy = Tstr.Run(ClassifierKind.Cnn, set, realTest, new TstrConfig(Epochs: opts.CnnEpochs, Seed: 7), Console.WriteLine).TestAccuracy;
            cnnSeconds = clock.Elapsed.TotalSeconds;
        }
        var row = new Row(method, "mnist", eps, output.Privacy.Epsilon, output.Privacy.Mechanisms.Select(m => m.NoiseMultiplier).ToArray(),
            opts.Samples, genSeconds, cnnSeconds, opts.CnnEpochs, accuracy, load0, LoadAverage());
        rows.Add(row);
        Console.WriteLine($"{method} mnist ε {eps}: generator unit {genSeconds:F0} s (load {load0:F1} → {row.LoadAfter:F1})" +
            (accuracy is { } a ? $", CNN TSTR {a:F4} in {cnnSeconds:F0} s" : ""));
        RunFiles.WriteJson(opts.Out, new Report(TorchSharp.torch.get_num_threads(), Environment.ProcessorCount, rows));   // after each row: a killed run keeps what it measured
    }
Console.WriteLine($"wrote {opts.Out}");
return 0;

static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

sealed record Row(string Method, string Dataset, double TargetEpsilon, double Epsilon, double[] NoiseMultipliers, int Samples,
    double GeneratorSeconds, double? CnnSeconds, int CnnEpochs, double? CnnAccuracy, double LoadBefore, double LoadAfter);

sealed record Report(int Threads, int Cores, IReadOnlyList<Row> Rows);

sealed record Args(string Mnist, string[] Methods, double[] Epsilons, int Samples, int Threads, int CnnEpochs, int VaeEpochs, int VaeBatch, string Out)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(a, name);
            return i >= 0 && i + 1 < a.Length ? a[i + 1] : fallback;
        }
        var ic = CultureInfo.InvariantCulture;
        return new Args(
            Get("--mnist", "artifacts/data/mnist"),
            Get("--methods", "dp-merf,dp-cgan,dp-vae-corrected").Split(','),
            Get("--epsilons", "1,10").Split(',').Select(s => double.Parse(s, ic)).ToArray(),
            int.Parse(Get("--samples", "60000"), ic), int.Parse(Get("--threads", "1"), ic), int.Parse(Get("--cnn-epochs", "0"), ic),
            int.Parse(Get("--vae-epochs", "2"), ic), int.Parse(Get("--vae-batch", "256"), ic),
            Get("--out", "bench/results/generators.json"));
    }
}
