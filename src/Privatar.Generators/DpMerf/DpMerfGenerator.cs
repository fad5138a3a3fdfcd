using Privatar.Accounting;
using Privatar.Core;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.DpMerf;

/// <summary>DP-MERF's hyper-parameters; defaults are the paper's digits settings (Harder et al. 2021).</summary>
public sealed record DpMerfSettings(
    int Features = 10_000,          // D
    double RffSigma = 105,          // kernel variance s; the paper uses 127 for Fashion-MNIST
    int CodeDim = 5,
    int Hidden = 200,
    int Channels1 = 16,
    int Channels2 = 8,
    int Kernel = 5,
    int BatchSize = 100,
    int Epochs = 5,                 // one epoch = N / batch_size generator steps (no privacy cost)
    double LearningRate = 0.01,
    double LrDecay = 0.9)           // per epoch
{
    public void Validate()
    {
        if (BatchSize < 2) throw new ArgumentException($"batch_size: expected >= 2 (BatchNorm), got {BatchSize}");
        if (Epochs < 1) throw new ArgumentException($"epochs: expected >= 1, got {Epochs}");
        if (!(LearningRate > 0)) throw new ArgumentException($"lr: expected > 0, got {LearningRate}");
        if (!(LrDecay > 0 && LrDecay <= 1)) throw new ArgumentException($"lr_decay: expected in (0, 1], got {LrDecay}");
    }
}

/// <summary>
/// DP-MERF: the label-conditional RFF mean embedding of the private set is released once through the Gaussian mechanism
/// (σ calibrated by the accountant for one release at q = 1); the generator then minimises ‖μ̃ − μ(G)‖² against that
/// release only, so its training is post-processing and costs nothing further.
/// </summary>
public sealed class DpMerfGenerator(DpMerfSettings settings) : IImageGenerator
{
    public const int Classes = ClassConditional.Classes;
    public const string Name = "dp-merf";

    public string Method => Name;

    public DpMerfSettings Settings => settings;

    /// <summary>The σ of the single release that meets the target ε at δ under the request's accountant.</summary>
    public static double CalibrateSigma(GeneratorRequest r) =>
        NoiseMultiplier.ForEpsilon(r.TargetEpsilon, r.Delta, 1.0, 1, r.Accountant);

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        var seed = request.Seed;
        ulong Seed(string purpose) => GeneratorStreams.Derive(seed, purpose, Name);
        using var scope = NewDisposeScope();
        var n = request.Train.Count;
        var (images, labels) = request.Tensors();

        using var rff = new RandomFourierFeatures(request.Train.Height * request.Train.Width, settings.Features, settings.RffSigma,
            Seed(SeedPurpose.GeneratorFeatures));
        var sigma = CalibrateSigma(request);
        var released = MeanEmbedding.Release(MeanEmbedding.Of(rff, images, labels, Classes), n, sigma,
            Seed(SeedPurpose.GeneratorRelease), request.Noise);
        log($"released the mean embedding once: σ = {sigma:G6}, sensitivity 2/N = {MeanEmbedding.Sensitivity(n):G6} (N = {n}, D = {settings.Features})");

        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        using var generator = new ConvCondGenerator(settings.CodeDim, settings.Hidden, settings.Channels1, settings.Channels2, settings.Kernel, Classes);
        Train(generator, rff, released, n, Seed(SeedPurpose.GeneratorTraining), log);
        var set = Sample(generator, request.Samples, request.Train.Height, request.Train.Width, Seed(SeedPurpose.GeneratorOutput));

        var mechanism = new MechanismRecord("rff_mean_embedding", MeanEmbedding.Adjacency, sigma, MeanEmbedding.Sensitivity(n), 1.0, 1);
        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant, [mechanism],
            request.Noise == NoiseMode.Release   // the release noise has no seed to record
                ? GeneratorStreams.Record(seed, Name, SeedPurpose.GeneratorFeatures, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
                : GeneratorStreams.Record(seed, Name, SeedPurpose.GeneratorFeatures, SeedPurpose.GeneratorRelease, SeedPurpose.GeneratorInit,
                    SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput),
            request.Noise);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        return new GeneratorOutput(set, privacy);
    }

    /// <summary>Adam on ‖μ̃ − (1/M) Σ_j φ(G(z_j, y_j)) ⊗ e_{y_j}‖² with uniform labels, N / batch steps per epoch.</summary>
    void Train(ConvCondGenerator g, RandomFourierFeatures rff, Tensor released, long n, ulong seed, GeneratorLog log)
    {
        using var rng = new Generator(seed);
        using var optimizer = optim.Adam(g.parameters(), settings.LearningRate);
        var schedule = optim.lr_scheduler.StepLR(optimizer, 1, settings.LrDecay);
        var steps = Math.Max(1, (int)(n / settings.BatchSize));
        var target = released.detach();
        g.train();
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            double lossSum = 0;
            for (var s = 0; s < steps; s++)
                NoGc.Run(() =>   // TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
                {
                    using var step = NewDisposeScope();
                    var code = randn([settings.BatchSize, settings.CodeDim], generator: rng);
                    var y = randint(0, Classes, [settings.BatchSize], dtype: ScalarType.Int64, generator: rng);
                    var phi = rff.Map(g.call(code, y));
                    var emb = phi.t().mm(nn.functional.one_hot(y, Classes).to_type(phi.dtype)) / settings.BatchSize;
                    var loss = (target - emb).square().sum();
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.ToDouble();
                });
            schedule.step();
            log($"dp-merf epoch {epoch}/{settings.Epochs}: {steps} steps, mean MMD² estimate {lossSum / steps:G4}");
        }
    }

    /// <summary><paramref name="samples"/> images, samples/10 per class in class order (<see cref="ClassConditional"/>).</summary>
    static SyntheticSet Sample(ConvCondGenerator g, int samples, int height, int width, ulong seed)
    {
        g.eval();
        using var rng = new Generator(seed);
        return ClassConditional.Sample(y => g.call(randn([y.shape[0], g.CodeDim], generator: rng), y), samples, height, width);
    }
}
