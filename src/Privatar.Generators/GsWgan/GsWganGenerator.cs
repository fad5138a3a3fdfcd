using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.DpMerf;
using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Generators.GsWgan;

/// <summary>
/// GS-WGAN (Chen, Orekondy, Fritz 2020): the private set is split into disjoint shards, shard k = examples i with
/// i mod K = k, each with its own WGAN-GP critic warm-started non-privately on that shard. Each generator step picks one
/// critic uniformly at random, updates it on its shard, and the generator learns only from the sanitised gradient
/// (<see cref="GradientSanitiser"/>) that critic sends back through the generated images.
/// <para>
/// Accounting: one example lives in one shard, so a step touches it with probability q = 1/K; a step releases B
/// sanitised rows from that one critic, L2 sensitivity 2C√B, noise σ·2C√B per coordinate. Our accountant composes
/// the Poisson-subsampled Gaussian (q = 1/K, σ) over the generator steps; σ is calibrated for the target ε over exactly
/// those steps and ε is recomputed from them.
/// </para>
/// </summary>
public sealed class GsWganGenerator(GsWganSettings settings) : IImageGenerator
{
    public const string Name = "gs-wgan";
    public const string MechanismName = "sanitised_generator_gradient";
    public const string Adjacency = "add-remove (one example changes one shard's critic)";

    public string Method => Name;

    public GsWganSettings Settings => settings;

    public double SampleRate => 1.0 / settings.Shards;

    public double CalibrateSigma(GeneratorRequest r) =>
        NoiseMultiplier.ForEpsilon(r.TargetEpsilon, r.Delta, SampleRate, settings.GeneratorSteps, r.Accountant);

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        var root = request.Seed;
        ulong Seed(string purpose) => GeneratorStreams.Derive(root, purpose, Name);
        using var scope = NewDisposeScope();
        var (n, h, w) = (request.Train.Count, request.Train.Height, request.Train.Width);
        if (h != 28 || w != 28) throw new ArgumentException($"{request.Dataset}: GS-WGAN's networks expect 28x28 images, got {h}x{w}");
        if (settings.Shards > n) throw new ArgumentException($"shards: {settings.Shards} shards for {n} private images, expected at most one shard per image");
        var (images, labels) = request.Tensors();
        var shards = Enumerable.Range(0, settings.Shards)
            .Select(k => tensor(Enumerable.Range(0, n).Where(i => i % settings.Shards == k).Select(i => (long)i).ToArray())).ToArray();

        var sigma = CalibrateSigma(request);
        log($"gs-wgan: σ = {sigma:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: q = 1/{settings.Shards}, " +
            $"{settings.GeneratorSteps} generator steps, C = {settings.Clip}, sensitivity 2C√B = {GradientSanitiser.Sensitivity(settings.Clip, settings.BatchSize):G6}");

        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        using var g = new ConvCondGenerator(settings.CodeDim, settings.GeneratorHidden, 16, 8, 5);
        var critics = Enumerable.Range(0, settings.Shards).Select(_ => new WganCritic(settings.CriticWidth)).ToArray();
        var ran = Train(g, critics, images, labels, shards, sigma, Seed, request.Noise, log);
        foreach (var c in critics) c.Dispose();

        g.eval();
        using var output = new Generator(Seed(SeedPurpose.GeneratorOutput));
        var set = ClassConditional.Sample(y => g.call(randn([y.shape[0], settings.CodeDim], generator: output), y), request.Samples, h, w);

        var mechanism = new MechanismRecord(MechanismName, Adjacency, sigma, GradientSanitiser.Sensitivity(settings.Clip, settings.BatchSize), SampleRate, ran);
        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant, [mechanism],
            request.Noise == NoiseMode.Release   // critic choice and sanitiser noise then come from the OS CSPRNG, with no seed
                ? GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
                : GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorSampling, SeedPurpose.GeneratorDpNoise,
                    SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput),
            request.Noise);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        return new GeneratorOutput(set, privacy);
    }

    /// <summary>Warm start, then the private phase; returns the generator steps taken.</summary>
    long Train(ConvCondGenerator g, WganCritic[] critics, Tensor images, Tensor labels, Tensor[] shards, double sigma,
        Func<string, ulong> seed, NoiseMode noise, GeneratorLog log)
    {
        var b = settings.BatchSize;
        using var rng = new Generator(seed(SeedPurpose.GeneratorTraining));
        using var choice = new PrivacyNoise(noise, seed(SeedPurpose.GeneratorSampling));   // which critic: the subsampling
        using var dpNoise = new PrivacyNoise(noise, seed(SeedPurpose.GeneratorDpNoise));
        var dOpts = critics.Select(d => optim.Adam(d.parameters(), settings.Lr, settings.Beta1, settings.Beta2)).ToArray();
        using var gOpt = optim.Adam(g.parameters(), settings.Lr, settings.Beta1, settings.Beta2);
        g.train();

        // Warm start: each critic against the untrained generator's samples, on its own shard only; never released.
        for (var k = 0; k < critics.Length; k++)
            for (var s = 0; s < settings.WarmSteps; s++)
                NoGc.Run(() => CriticStep(g, critics[k], dOpts[k], images, labels, shards[k], rng));
        if (settings.WarmSteps > 0) log($"gs-wgan: {critics.Length} critics warm-started, {settings.WarmSteps} steps each");

        double wSum = 0;
        long taken = 0;
        var every = Math.Max(1, settings.GeneratorSteps / 10);
        for (; taken < settings.GeneratorSteps; taken++)
        {
            NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
            {
                using var step = NewDisposeScope();
                var k = (int)Math.Min(critics.Length - 1, Math.Floor(choice.Uniform(1).ToDouble() * critics.Length));
                for (var c = 0; c < settings.CriticSteps; c++) wSum += CriticStep(g, critics[k], dOpts[k], images, labels, shards[k], rng);

                // Generator: only ∂(−D(x))/∂x for each generated x reaches it, clipped and noised.
                var y = randint(0, ClassConditional.Classes, [b], dtype: ScalarType.Int64, generator: rng);
                var x = g.call(randn([b, settings.CodeDim], generator: rng), y);
                var leaf = x.detach().requires_grad_(true);
                var gradX = autograd.grad([critics[k].call(leaf, y).neg().sum()], [leaf])[0];
                var sanitised = GradientSanitiser.Sanitise(gradX, settings.Clip, sigma, dpNoise) / b;
                gOpt.zero_grad();
                autograd.backward([x], [sanitised]);
                gOpt.step();
            });
            if ((taken + 1) % every == 0)
            {
                log($"gs-wgan step {taken + 1}/{settings.GeneratorSteps}: mean critic W-estimate {wSum / (every * settings.CriticSteps):F4}");
                wSum = 0;
            }
        }
        foreach (var o in dOpts) o.Dispose();
        return taken;
    }

    /// <summary>One WGAN-GP update of a critic on a batch of its shard (with replacement) against detached fakes; returns D(real) − D(fake).</summary>
    double CriticStep(ConvCondGenerator g, WganCritic d, optim.Optimizer opt, Tensor images, Tensor labels, Tensor shard, Generator rng)
    {
        using var scope = NewDisposeScope();
        var b = settings.BatchSize;
        var idx = shard.index_select(0, randint(0, shard.shape[0], [b], dtype: ScalarType.Int64, generator: rng));
        var (real, y) = (images.index_select(0, idx), labels.index_select(0, idx));
        Tensor fake;
        using (no_grad()) fake = g.call(randn([b, settings.CodeDim], generator: rng), y);
        var alpha = rand([b, 1, 1, 1], generator: rng);
        var mix = (alpha * real + (1 - alpha) * fake).requires_grad_(true);
        var gradMix = autograd.grad([d.call(mix, y).sum()], [mix], retain_graph: true, create_graph: true)[0];
        var penalty = (gradMix.flatten(1).norm(1, keepdim: false, p: 2) - 1).square().mean();
        var (dReal, dFake) = (d.call(real, y), d.call(fake, y));
        var loss = dFake.mean() - dReal.mean() + settings.GradientPenalty * penalty + settings.Drift * dReal.square().mean();
        opt.zero_grad();
        loss.backward();
        opt.step();
        return (dReal.mean() - dFake.mean()).ToDouble();
    }
}
