using Privatar.Core;
using Privatar.Generators.DpCgan;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>What one student step's aggregation released: the direction for the samples (B, D) and the share of queries answered.</summary>
public readonly record struct Aggregated(Tensor Direction, double AnsweredShare);

/// <summary>
/// The teacher-ensemble GAN both PATE-style generators share. The private set is split by a seeded permutation into
/// T disjoint partitions of ⌊N/T⌋ images (the remainder is unused), so one record belongs to exactly one teacher. Each
/// step every teacher takes one update on a batch of its own partition against the student's current samples; then the
/// student draws a batch, every teacher computes the gradient of −log D_t at each sample, and only the aggregator's
/// output (which must be the private mechanism) reaches the student, which backpropagates it through the generator.
/// </summary>
public static class EnsembleTraining
{
    public const string PartitionPurpose = SeedPurpose.GeneratorTeacherPartition;
    public const string TeacherInitPurpose = SeedPurpose.GeneratorTeacherInit;

    /// <summary>Private images (N, D) in [0, 1] → teacher t's image indices, row t of (T, ⌊N/T⌋).</summary>
    public static Tensor Partition(long n, int teachers, ulong seed)
    {
        using var g = new Generator(seed);
        var size = n / teachers;
        if (size < 1) throw new ArgumentException($"teachers: {teachers} teachers for {n} private images leaves a partition empty");
        return randperm(n, generator: g).narrow(0, 0, size * teachers).view(teachers, size);
    }

    /// <summary>Trains and returns the student; <paramref name="aggregate"/> maps the teachers' gradients (T, B, D) to a release.</summary>
    public static CganGenerator Train(GeneratorRequest r, EnsembleSettings s, string method, Func<Tensor, Aggregated> aggregate, GeneratorLog log)
    {
        ulong Seed(string purpose) => GeneratorStreams.Derive(r.Seed, purpose, method);
        var (n, h, w) = (r.Train.Count, r.Train.Height, r.Train.Width);
        var (pixels, labels) = r.Tensors();
        var images = pixels.reshape(n, h * w);
        var parts = Partition(n, s.Teachers, Seed(PartitionPurpose));

        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        var g = new CganGenerator(s.NoiseDim, s.GeneratorHidden, h, w);
        using var teacherInit = new Generator(Seed(TeacherInitPurpose));
        using var teachers = new TeacherEnsemble(s.Teachers, h * w, s.TeacherHidden, teacherInit);
        using var rng = new Generator(Seed(SeedPurpose.GeneratorTraining));
        using var tOpt = optim.Adam(teachers.parameters(), s.TeacherLr, beta1: s.Beta1);
        using var gOpt = optim.Adam(g.parameters(), s.GeneratorLr, beta1: s.Beta1);
        var logEvery = Math.Max(1, s.Steps / 10);
        double tLoss = 0, answered = 0;
        for (var step = 1; step <= s.Steps; step++)
        {
            NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
            {
                using var scope = NewDisposeScope();
                // Teachers: real batch from each one's partition (target 1), the student's samples (target 0).
                var pick = parts.gather(1, randint(0, parts.shape[1], [s.Teachers, s.TeacherBatch], dtype: ScalarType.Int64, generator: rng)).flatten();
                var real = images.index_select(0, pick).view(s.Teachers, s.TeacherBatch, -1);
                var realY = labels.index_select(0, pick).view(s.Teachers, s.TeacherBatch);
                var fakeY = randint(0, ClassConditional.Classes, [s.TeacherBatch], dtype: ScalarType.Int64, generator: rng);
                Tensor fake;
                using (no_grad()) fake = g.call(randn([s.TeacherBatch, s.NoiseDim], generator: rng), fakeY).flatten(1);
                var x = cat([real, fake.unsqueeze(0).expand(s.Teachers, -1, -1)], 1);
                var y = cat([realY, fakeY.unsqueeze(0).expand(s.Teachers, -1)], 1);
                var target = cat([ones(s.Teachers, s.TeacherBatch), zeros(s.Teachers, s.TeacherBatch)], 1);
                // Mean over a teacher's rows, summed over teachers: each teacher's gradient is its own mean loss's.
                var loss = nn.functional.binary_cross_entropy_with_logits(teachers.call(x, y), target) * s.Teachers;
                tOpt.zero_grad();
                loss.backward();
                tOpt.step();
                tLoss += loss.ToDouble() / s.Teachers;

                // Student: the private aggregate of the teachers' sample gradients is its loss gradient at the samples.
                var sy = randint(0, ClassConditional.Classes, [s.StudentBatch], dtype: ScalarType.Int64, generator: rng);
                var samples = g.call(randn([s.StudentBatch, s.NoiseDim], generator: rng), sy).flatten(1);
                var release = aggregate(teachers.SampleGradients(samples, sy));
                gOpt.zero_grad();
                (samples * release.Direction.detach()).sum().div(s.StudentBatch).backward();
                gOpt.step();
                answered += release.AnsweredShare;
            });
            if (step % logEvery == 0)
            {
                log(FormattableString.Invariant($"{method} step {step}/{s.Steps}: teacher loss {tLoss / logEvery:F4}, answered {answered / logEvery:P1}"));
                tLoss = answered = 0;
            }
        }
        g.eval();
        return g;
    }
}
