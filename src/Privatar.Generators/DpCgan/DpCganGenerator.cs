using Privatar.Accounting;
using Privatar.Core;
using Privatar.DpSgd.Engine;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.DpCgan;

/// <summary>
/// DP-CGAN's hyper-parameters. The networks are the MLP cGAN DP-CGAN builds on (hidden 128, z 100); the optimiser
/// and schedule are ours (Adam, β1 = 0.5, as for GANs in general), chosen for a 2-core CPU, not the paper's.
/// </summary>
public sealed record DpCganSettings(
    int NoiseDim = 100,
    int GeneratorHidden = 128,
    int DiscriminatorHidden = 128,
    int BatchSize = 100,            // expected Poisson batch q·N of the discriminator's real examples
    int Epochs = 10,                // discriminator epochs: Epochs · round(N / BatchSize) DP-SGD steps
    double DiscriminatorLr = 1e-3,  // at 2e-4 and batch 600, 500 steps left ε = 1000 samples as blobs
    double GeneratorLr = 1e-3,
    double Beta1 = 0.5,
    double MaxGradNorm = 1.0)       // C: per-example clip of the discriminator's real-data gradient
{
    public void Validate()
    {
        if (NoiseDim < 1) throw new ArgumentException($"noise_dim: expected >= 1, got {NoiseDim}");
        if (GeneratorHidden < 1 || DiscriminatorHidden < 1) throw new ArgumentException("hidden widths: expected >= 1");
        if (BatchSize < 1) throw new ArgumentException($"batch_size: expected >= 1, got {BatchSize}");
        if (Epochs < 1) throw new ArgumentException($"epochs: expected >= 1, got {Epochs}");
        if (!(DiscriminatorLr > 0 && GeneratorLr > 0)) throw new ArgumentException("learning rates: expected > 0");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentException($"beta1: expected in [0, 1), got {Beta1}");
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max_grad_norm: expected > 0, got {MaxGradNorm}");
    }
}

/// <summary>
/// DP-CGAN (Torkzadehmahani et al. 2019): a conditional GAN whose discriminator trains with DP-SGD through our engine
/// (Poisson batches of real images at q plus a fixed number of fakes, every row's gradient clipped to C, N(0, σ²C²) on the
/// sum). Only the discriminator touches private images; the fakes come from the generator and fresh noise, and the
/// generator learns only through the discriminator's weights, so it is post-processing of the DP-SGD releases. σ is calibrated for the target ε over exactly the steps that run; ε is then recomputed from them.
/// </summary>
public sealed class DpCganGenerator(DpCganSettings settings) : IImageGenerator
{
    public const string Name = "dp-cgan";
    public const string MechanismName = "discriminator_dp_sgd";

    public string Method => Name;

    public DpCganSettings Settings => settings;

    /// <summary>Poisson rate and DP-SGD step count for a private set of <paramref name="n"/> examples.</summary>
    public (double SampleRate, long Steps) Schedule(long n)
    {
        var q = Math.Min(1.0, (double)settings.BatchSize / n);
        return (q, (long)settings.Epochs * PoissonSampler.StepsFor(q));
    }

    public double CalibrateSigma(GeneratorRequest r)
    {
        var (q, steps) = Schedule(r.Train.Count);
        return NoiseMultiplier.ForEpsilon(r.TargetEpsilon, r.Delta, q, steps, r.Accountant);
    }

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        var root = request.Seed;
        ulong Seed(string purpose) => GeneratorStreams.Derive(root, purpose, Name);
        using var scope = NewDisposeScope();
        var (n, h, w) = (request.Train.Count, request.Train.Height, request.Train.Width);
        var (pixels, labels) = request.Tensors();
        var images = pixels.reshape(n, h * w);

        var (q, steps) = Schedule(n);
        var sigma = CalibrateSigma(request);
        log($"dp-cgan: σ = {sigma:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: q = {q:G6}, {steps} discriminator steps, C = {settings.MaxGradNorm}");

        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        using var g = new CganGenerator(settings.NoiseDim, settings.GeneratorHidden, h, w);
        using var d = new CganDiscriminator(h * w, settings.DiscriminatorHidden);
        var ran = Train(g, d, images, labels, q, steps, sigma, Seed, request.Noise, log);

        g.eval();
        using var output = new Generator(Seed(SeedPurpose.GeneratorOutput));
        var set = ClassConditional.Sample(y => g.call(randn([y.shape[0], settings.NoiseDim], generator: output), y), request.Samples, h, w);

        var mechanism = new MechanismRecord(MechanismName, "add-remove", sigma, settings.MaxGradNorm, q, ran);
        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant, [mechanism],
            request.Noise == NoiseMode.Release   // sampling and DP noise then come from the OS CSPRNG, with no seed to record
                ? GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
                : GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorSampling, SeedPurpose.GeneratorDpNoise,
                    SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput),
            request.Noise);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        return new GeneratorOutput(set, privacy);
    }

    /// <summary>Alternating updates, one discriminator step then one generator step; returns the DP-SGD steps taken.</summary>
    long Train(CganGenerator g, CganDiscriminator d, Tensor images, Tensor labels, double q, long steps, double sigma,
        Func<string, ulong> seed, NoiseMode noise, GeneratorLog log)
    {
        var n = images.shape[0];
        using var sampler = new PoissonSampler(n, q, seed(SeedPurpose.GeneratorSampling), noise);
        var fakeBatch = Math.Max(1, (int)Math.Round(q * n));
        // The divisor is the expected row count, real plus fake (public constants); it scales the step, not the privacy.
        using var engine = new DpSgdEngine(d, new DpSgdOptions(sigma, settings.MaxGradNorm, q * n + fakeBatch), seed(SeedPurpose.GeneratorDpNoise), PerSampleRoute.Hooks, noise);
        using var rng = new Generator(seed(SeedPurpose.GeneratorTraining));
        using var dOpt = optim.Adam(d.parameters(), settings.DiscriminatorLr, beta1: settings.Beta1);
        using var gOpt = optim.Adam(g.parameters(), settings.GeneratorLr, beta1: settings.Beta1);
        var perEpoch = PoissonSampler.StepsFor(q);
        g.train();
        d.train();
        double dLoss = 0, gLoss = 0;
        long taken = 0;
        for (; taken < steps; taken++)
        {
            NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
            {
                using var step = NewDisposeScope();
                // Discriminator: one DP-SGD step over the Poisson batch of real images (target 1) and a fixed-size batch
                // of fakes (target 0). Every row is clipped to C, as DP-CGAN clips both terms: a clipped real term next
                // to an unclipped fake one lets "everything is fake" win. The fakes are public (generator + fresh noise),
                // so adding or removing one real example still moves the sum by at most C.
                var idx = sampler.Next();
                var yFake = randint(0, ClassConditional.Classes, [fakeBatch], dtype: ScalarType.Int64, generator: rng);
                var fake = g.call(randn([fakeBatch, settings.NoiseDim], generator: rng), yFake).detach().flatten(1);
                var batch = new[]
                {
                    cat([images.index_select(0, idx), fake], 0), cat([labels.index_select(0, idx), yFake], 0),
                    cat([ones(idx.shape[0]), zeros(fakeBatch)], 0),
                };
                var stats = engine.ComputeGradients(batch,
                    b => nn.functional.binary_cross_entropy_with_logits(d.call(b[0], b[1]), b[2], reduction: nn.Reduction.None));
                dOpt.step();

                // Generator: non-saturating loss through the (privatised) discriminator; no private data.
                var yGen = randint(0, ClassConditional.Classes, [fakeBatch], dtype: ScalarType.Int64, generator: rng);
                var genLoss = nn.functional.binary_cross_entropy_with_logits(
                    d.call(g.call(randn([fakeBatch, settings.NoiseDim], generator: rng), yGen), yGen), ones(fakeBatch));
                gOpt.zero_grad();
                genLoss.backward();   // also fills the discriminator's .grad, which its next DP-SGD step overwrites
                gOpt.step();
                dLoss += stats.MeanLoss;
                gLoss += genLoss.ToDouble();
            });
            if ((taken + 1) % perEpoch == 0)
            {
                log($"dp-cgan epoch {(taken + 1) / perEpoch}/{settings.Epochs}: D loss {dLoss / perEpoch:F4}, G loss {gLoss / perEpoch:F4}");
                dLoss = gLoss = 0;
            }
        }
        return taken;
    }
}
