using Privatar.Accounting;
using Privatar.Core;
using Privatar.DpSgd.Engine;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Psg;

/// <summary>
/// PSG, private set generation (Chen, Kerkouche, Fritz 2022): a learnable set S of <c>spc</c> images per class with
/// fixed labels. Per iteration a freshly initialised ConvNet; per outer loop and class c, a DP-sanitised gradient of the
/// CE loss on a Poisson batch of class c (per-example clip C, N(0, σ²C²), divided by the expected batch) is matched by
/// S_c's gradient under <see cref="GradientMatching"/>; S takes one SGD step; the net then trains on S for the inner loop.
/// <para>
/// The release is S itself (10·spc images), whatever the request's sample count. Accounting: classes are disjoint, so an
/// example enters only its class's sampler, at q_c = B / N_c; each outer loop is one Poisson-subsampled Gaussian at
/// q = max_c q_c, composed over iterations × outer loops.
/// </para>
/// </summary>
public sealed class PsgGenerator(PsgSettings settings) : IImageGenerator
{
    public const string Name = "psg";
    public const string MechanismName = "class_gradient";
    const int Classes = ClassConditional.Classes;

    public string Method => Name;

    public PsgSettings Settings => settings;

    /// <summary>The accounted Poisson rate (the largest class's) and the number of sanitised releases per class.</summary>
    public (double SampleRate, long Steps) Schedule(IReadOnlyList<long> classCounts)
    {
        if (classCounts.Any(c => c == 0)) throw new ArgumentException("the private set lacks a class; PSG needs examples of all 10");
        return (classCounts.Max(c => Math.Min(1.0, (double)settings.BatchReal / c)), (long)settings.Iterations * settings.OuterLoop);
    }

    public double CalibrateSigma(GeneratorRequest r, IReadOnlyList<long> classCounts)
    {
        var (q, steps) = Schedule(classCounts);
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
        if (h != 28 || w != 28) throw new ArgumentException($"{request.Dataset}: PSG's ConvNet expects 28x28 images, got {h}x{w}");
        var images = Normalise(request.Tensors().Images);
        var byClass = Enumerable.Range(0, Classes)
            .Select(c => Enumerable.Range(0, n).Where(i => request.Train.Labels[i] == c).Select(i => (long)i).ToArray()).ToArray();
        var counts = byClass.Select(ix => (long)ix.Length).ToArray();
        var (q, steps) = Schedule(counts);
        var sigma = CalibrateSigma(request, counts);
        var spc = settings.SamplesPerClass;
        log($"psg: σ = {sigma:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: q = {q:G6}, {steps} sanitised releases per class, " +
            $"C = {settings.MaxGradNorm}; releases its set of {Classes * spc} images ({spc} per class), not the {request.Samples} requested");

        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        var set = new TorchSharp.Modules.Parameter(randn([Classes * spc, 1, h, w]));
        var setLabels = tensor(ClassConditional.BalancedLabels(Classes * spc));
        var ran = Train(set, setLabels, images, byClass, sigma, Seed, request.Noise, log);

        float[] pixels;
        using (no_grad()) pixels = (set.detach() * 0.5 + 0.5).clamp(0, 1).contiguous().data<float>().ToArray();
        var released = new SyntheticSet(pixels, ClassConditional.BalancedLabels(Classes * spc), h, w);
        var mechanism = new MechanismRecord(MechanismName, "add-remove", sigma, settings.MaxGradNorm, q, ran);
        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant, [mechanism],
            request.Noise == NoiseMode.Release   // sampling and DP noise then come from the OS CSPRNG, with no seed to record
                ? GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit)
                : GeneratorStreams.Record(root, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorSampling, SeedPurpose.GeneratorDpNoise),
            request.Noise, releasedImages: released.Count);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        return new GeneratorOutput(released, privacy, GridColumns: spc);
    }

    /// <summary>Pixels [0, 1] → [−1, 1], the space S lives in (initialised N(0, 1) there, as PSG does).</summary>
    static Tensor Normalise(Tensor pixels) => (pixels - 0.5) / 0.5;

    long Train(TorchSharp.Modules.Parameter set, Tensor setLabels, Tensor images, long[][] byClass, double sigma, Func<string, ulong> seed, NoiseMode noise, GeneratorLog log)
    {
        var spc = settings.SamplesPerClass;
        var c0 = settings.MaxGradNorm;
        using var sampling = new PrivacyNoise(noise, seed(SeedPurpose.GeneratorSampling));
        using var dpNoise = new PrivacyNoise(noise, seed(SeedPurpose.GeneratorDpNoise));
        var classIdx = byClass.Select(ix => tensor(ix)).ToArray();
        using var setOpt = optim.SGD([set], settings.LrImage, settings.MomentumImage);
        long taken = 0;
        var every = Math.Max(1, settings.Iterations / 10);
        double matchSum = 0;
        for (var it = 0; it < settings.Iterations; it++)
        {
            using var net = new PsgConvNet(settings.NetWidth);
            using var clipper = HookClipper.Create(net);
            var ps = clipper.Parameters;
            using var netOpt = optim.SGD(net.parameters(), settings.LrNet);
            net.train();
            for (var ol = 0; ol < settings.OuterLoop; ol++, taken++)
            {
                NoGc.Run(() =>   // one outer loop per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
                {
                    using var step = NewDisposeScope();
                    Tensor? match = null;
                    for (var c = 0; c < Classes; c++)
                    {
                        var nc = classIdx[c].shape[0];
                        var rate = Math.Min(1.0, (double)settings.BatchReal / nc);
                        var idx = classIdx[c].masked_select(sampling.Uniform(nc) < rate);
                        var real = RealGradient(clipper, net, images.index_select(0, idx), c, rate * nc, sigma, dpNoise);
                        var syn = set.narrow(0, c * spc, spc);
                        var loss = nn.functional.cross_entropy(net.call(syn), setLabels.narrow(0, c * spc, spc));
                        var gs = autograd.grad([loss], [.. ps], retain_graph: true, create_graph: true);
                        var d = GradientMatching.Distance([.. gs], real);
                        match = match is null ? d : match + d;
                    }
                    setOpt.zero_grad();
                    match!.backward();
                    setOpt.step();
                    matchSum += match.ToDouble();
                    if (ol == settings.OuterLoop - 1) return;   // the network of the last outer loop is discarded
                    var fixedSet = set.detach();
                    for (var il = 0; il < settings.InnerLoop; il++)
                    {
                        using var inner = NewDisposeScope();
                        netOpt.zero_grad();
                        nn.functional.cross_entropy(net.call(fixedSet), setLabels).backward();
                        netOpt.step();
                    }
                });
            }
            if ((it + 1) % every == 0)
            {
                log($"psg iteration {it + 1}/{settings.Iterations}: mean matching distance {matchSum / (every * settings.OuterLoop):F4}");
                matchSum = 0;
            }
        }
        return taken;
    }

    /// <summary>(Σ_i clip_C(∇ℓ_i) + N(0, σ²C²)) / expected batch, per parameter in the clipper's order; noise only on an empty batch.</summary>
    List<Tensor> RealGradient(HookClipper clipper, PsgConvNet net, Tensor x, int c, double expectedBatch, double sigma, PrivacyNoise noise)
    {
        var ps = clipper.Parameters;
        var sums = x.shape[0] == 0
            ? ps.Select(p => zeros_like(p)).ToArray()
            : clipper.ClipAndSum([x], b => nn.functional.cross_entropy(net.call(b[0]),
                full([b[0].shape[0]], c, dtype: ScalarType.Int64), reduction: nn.Reduction.None), settings.MaxGradNorm).Sums;
        var std = sigma * settings.MaxGradNorm;
        using var _ = no_grad();
        return [.. sums.Select((s, i) => ((std > 0 ? s + noise.Gaussian(ps[i].shape, std, ps[i].dtype) : s) / expectedBatch).detach())];
    }
}
