using Privatar.Accounting;
using Privatar.Core;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>G-PATE's aggregation settings: projection to k dimensions, bins over [−range, range], Confident-GNMax.</summary>
public sealed record GPateSettings(
    EnsembleSettings Ensemble,
    int ProjectionDims = 10,
    int Bins = 5,
    double BinRange = 1.0,          // unit-norm gradients projected by N(0, 1) rows are N(0, 1) per dimension
    double Sigma1Ratio = 4.0,       // σ1 = ratio · σ2: a noisier threshold check costs little next to the argmax
    double ThresholdShare = 0.3)    // threshold T as a share of the teachers: with 5 bins, a clear plurality
{
    public void Validate()
    {
        if (ProjectionDims < 1) throw new ArgumentException($"projection_dims: expected >= 1, got {ProjectionDims}");
        if (Bins < 2) throw new ArgumentException($"bins: expected >= 2, got {Bins}");
        if (!(BinRange > 0)) throw new ArgumentException($"bin_range: expected > 0, got {BinRange}");
        if (!(Sigma1Ratio > 0)) throw new ArgumentException($"sigma1_ratio: expected > 0, got {Sigma1Ratio}");
        if (!(ThresholdShare >= 0 && ThresholdShare <= 1)) throw new ArgumentException($"threshold_share: expected in [0, 1], got {ThresholdShare}");
    }
}

/// <summary>
/// G-PATE (Long et al., NeurIPS 2021): a student generator trained by an ensemble of teacher discriminators through
/// Confident-GNMax votes on randomly projected, discretised sample gradients. One query is one (sample, projected
/// dimension) histogram; a query that fails the threshold contributes 0 in that dimension. Privacy: the
/// data-independent RDP bound (<see cref="VoteAggregationRdp"/>), every query paying its threshold check and its
/// noisy argmax, composed over every query that ran by the request's accountant. The paper's data-dependent
/// analysis (which charges far less for queries with a clear consensus) is not used.
/// </summary>
public sealed class GPateGenerator(GPateSettings settings) : IImageGenerator
{
    public const string Name = "g-pate";
    public const string Adjacency = "replace-one (changes one teacher's partition)";

    public string Method => Name;

    public GPateSettings Settings => settings;

    /// <summary>Queries per student step: one per generated sample and projected dimension.</summary>
    public long QueriesPerStep => (long)settings.Ensemble.StudentBatch * settings.ProjectionDims;

    /// <summary>The run's mechanisms for σ2 and <paramref name="queries"/> queries: the threshold check and the noisy argmax.</summary>
    public IReadOnlyList<MechanismRecord> Mechanisms(double sigma2, long queries) =>
    [
        new("gnmax_threshold_check", Adjacency, settings.Sigma1Ratio * sigma2 / VoteAggregationRdp.MaxCountSensitivity, VoteAggregationRdp.MaxCountSensitivity, 1.0, queries),
        new("gnmax_noisy_argmax", Adjacency, sigma2 / VoteAggregationRdp.HistogramSensitivity, VoteAggregationRdp.HistogramSensitivity, 1.0, queries),
    ];

    /// <summary>σ2 (noise std on the argmax histogram) for the target ε over all the run's queries.</summary>
    public double CalibrateSigma2(GeneratorRequest r)
    {
        var queries = settings.Ensemble.Steps * QueriesPerStep;
        return Calibration.Sigma(r.TargetEpsilon, r.Delta, r.Accountant, s => Mechanisms(s, queries));
    }

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        var s = settings.Ensemble;
        s.Validate(request.Train.Count);
        ulong Seed(string purpose) => GeneratorStreams.Derive(request.Seed, purpose, Name);
        using var scope = NewDisposeScope();
        var sigma2 = CalibrateSigma2(request);
        var sigma1 = settings.Sigma1Ratio * sigma2;
        var threshold = settings.ThresholdShare * s.Teachers;
        log(FormattableString.Invariant($"g-pate: σ1 = {sigma1:G6}, σ2 = {sigma2:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: {s.Teachers} teachers, {s.Steps} steps × {QueriesPerStep} queries, threshold {threshold:G6}"));

        using var projections = new Generator(Seed(SeedPurpose.GeneratorFeatures));
        using var noise = new PrivacyNoise(request.Noise, Seed(SeedPurpose.GeneratorDpNoise));
        long queries = 0;
        Aggregated Aggregate(Tensor grads)
        {
            using var projection = GradientProjection.Random(settings.ProjectionDims, request.Train.Height * request.Train.Width, settings.Bins, settings.BinRange, projections);
            var hist = projection.Histograms(projection.Discretise(projection.Project(grads)));   // (B, k, bins)
            var (answered, winner) = ConfidentGnMax.Aggregate(hist.flatten(0, 1), sigma1, sigma2, threshold, noise);
            queries += answered.shape[0];
            var values = projection.Centres(winner) * answered.to_type(ScalarType.Float32);
            return new Aggregated(projection.BackProject(values.view(hist.shape[0], hist.shape[1])), answered.to_type(ScalarType.Float64).mean().ToDouble());
        }
        using var g = EnsembleTraining.Train(request, s, Name, Aggregate, log);
        using var output = new Generator(Seed(SeedPurpose.GeneratorOutput));
        var set = ClassConditional.Sample(y => g.call(randn([y.shape[0], s.NoiseDim], generator: output), y), request.Samples, request.Train.Height, request.Train.Width);

        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant,
            Mechanisms(sigma2, queries), Seeds(request), request.Noise);
        log(FormattableString.Invariant($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}, data-independent; target {request.TargetEpsilon}) over {queries} queries"));
        return new GeneratorOutput(set, privacy);
    }

    static SeedRecord Seeds(GeneratorRequest r) =>
        r.Noise == NoiseMode.Release   // the vote noise then comes from the OS CSPRNG, with no seed to record
            ? GeneratorStreams.Record(r.Seed, Name, EnsembleTraining.PartitionPurpose, EnsembleTraining.TeacherInitPurpose, SeedPurpose.GeneratorFeatures,
                SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
            : GeneratorStreams.Record(r.Seed, Name, EnsembleTraining.PartitionPurpose, EnsembleTraining.TeacherInitPurpose, SeedPurpose.GeneratorFeatures,
                SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorDpNoise, SeedPurpose.GeneratorOutput);
}
