using Privatar.Accounting;
using Privatar.Core;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>DataLens's aggregation settings: top-k sign compression and the release threshold.</summary>
public sealed record DataLensSettings(
    EnsembleSettings Ensemble,
    int TopK = 200,                 // of the 784 pixel gradients each teacher keeps
    double ThresholdShare = 0.1)    // release a coordinate when |noisy vote sum| ≥ share · teachers
{
    public void Validate(int pixels)
    {
        if (TopK < 1 || TopK > pixels) throw new ArgumentException($"top_k: expected 1..{pixels}, got {TopK}");
        if (!(ThresholdShare >= 0 && ThresholdShare <= 1)) throw new ArgumentException($"threshold_share: expected in [0, 1], got {ThresholdShare}");
    }
}

/// <summary>
/// DataLens (Wang et al., CCS 2021): the teacher ensemble of G-PATE, with each teacher's sample gradient compressed to
/// a k-sparse stochastic sign vector and the votes summed with Gaussian noise and thresholded. One query is one
/// generated sample (a d-dimensional vote sum). Privacy: the Gaussian mechanism on the sum, L2 sensitivity 2√k
/// (<see cref="VoteAggregationRdp"/>), composed over every query that ran by the request's accountant; the threshold
/// is post-processing.
/// </summary>
public sealed class DataLensGenerator(DataLensSettings settings) : IImageGenerator
{
    public const string Name = "datalens";
    public const string MechanismName = "sign_vote_sum";

    public string Method => Name;

    public DataLensSettings Settings => settings;

    public MechanismRecord Mechanism(double sigma, long queries)
    {
        var sensitivity = VoteAggregationRdp.SignSumSensitivity(settings.TopK);
        return new(MechanismName, GPateGenerator.Adjacency, sigma / sensitivity, sensitivity, 1.0, queries);
    }

    /// <summary>σ (noise std on each coordinate's vote sum) for the target ε over all the run's queries.</summary>
    public double CalibrateSigma(GeneratorRequest r)
    {
        long queries = (long)settings.Ensemble.Steps * settings.Ensemble.StudentBatch;
        return Calibration.Sigma(r.TargetEpsilon, r.Delta, r.Accountant, s => [Mechanism(s, queries)]);
    }

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        var s = settings.Ensemble;
        s.Validate(request.Train.Count);
        settings.Validate(request.Train.Height * request.Train.Width);
        ulong Seed(string purpose) => GeneratorStreams.Derive(request.Seed, purpose, Name);
        using var scope = NewDisposeScope();
        var sigma = CalibrateSigma(request);
        var threshold = settings.ThresholdShare * s.Teachers;
        log(FormattableString.Invariant($"datalens: σ = {sigma:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: {s.Teachers} teachers, top-{settings.TopK}, {s.Steps} steps × {s.StudentBatch} queries, threshold {threshold:G6}"));

        using var noise = new PrivacyNoise(request.Noise, Seed(SeedPurpose.GeneratorDpNoise));
        using var quantiser = new Generator(Seed(SignPurpose));
        long queries = 0;
        Aggregated Aggregate(Tensor grads)
        {
            var direction = SignCompression.Aggregate(SignCompression.TopKSign(grads, settings.TopK, quantiser), sigma, threshold, noise);
            queries += direction.shape[0];
            return new Aggregated(direction, direction.ne(0).any(1).to_type(ScalarType.Float64).mean().ToDouble());
        }
        using var g = EnsembleTraining.Train(request, s, Name, Aggregate, log);
        using var output = new Generator(Seed(SeedPurpose.GeneratorOutput));
        var set = ClassConditional.Sample(y => g.call(randn([y.shape[0], s.NoiseDim], generator: output), y), request.Samples, request.Train.Height, request.Train.Width);

        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant,
            [Mechanism(sigma, queries)], Seeds(request), request.Noise);
        log(FormattableString.Invariant($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon}) over {queries} queries"));
        return new GeneratorOutput(set, privacy);
    }

    /// <summary>The teachers' stochastic sign quantisation (its randomness is not what the privacy bound relies on).</summary>
    public const string SignPurpose = SeedPurpose.GeneratorSignQuantisation;

    static SeedRecord Seeds(GeneratorRequest r) =>
        r.Noise == NoiseMode.Release   // the vote noise then comes from the OS CSPRNG, with no seed to record
            ? GeneratorStreams.Record(r.Seed, Name, EnsembleTraining.PartitionPurpose, EnsembleTraining.TeacherInitPurpose, SignPurpose,
                SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
            : GeneratorStreams.Record(r.Seed, Name, EnsembleTraining.PartitionPurpose, EnsembleTraining.TeacherInitPurpose, SignPurpose,
                SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorDpNoise, SeedPurpose.GeneratorOutput);
}
