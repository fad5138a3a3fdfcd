using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary><c>privatar synthesis g-pate</c>: one G-PATE release.</summary>
public sealed record GPateArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "g-pate"];
    public static string Description => "G-PATE: a student generator taught by a teacher-discriminator ensemble through Confident-GNMax votes on projected gradients";

    [Opt("teacher discriminators (disjoint partitions of the private set)", Key = "g_pate.teachers", AtLeast = 1)] public int Teachers { get; init; }
    [Opt("student steps", Key = "g_pate.steps", AtLeast = 1)] public int Steps { get; init; }
    [Opt("generated samples per student step (each one query per projected dimension)", Key = "g_pate.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("real images per teacher update", Key = "g_pate.teacher_batch", AtLeast = 1)] public int TeacherBatch { get; init; }
    [Opt("teacher learning rate", Key = "g_pate.lr", Above = 0)] public double Lr { get; init; }
    [Opt("generator learning rate", Key = "g_pate.generator_lr", Above = 0)] public double GeneratorLr { get; init; }
    [Opt("random projection dimension k", Key = "g_pate.projection_dims", AtLeast = 1)] public int ProjectionDims { get; init; }
    [Opt("bins per projected dimension", Key = "g_pate.bins", AtLeast = 2)] public int Bins { get; init; }
    [Opt("σ1 / σ2 of Confident-GNMax", Key = "g_pate.sigma1_ratio", Above = 0)] public double Sigma1Ratio { get; init; }
    [Opt("threshold as a share of the teachers", Key = "g_pate.threshold_share", AtLeast = 0)] public double ThresholdShare { get; init; }
}

/// <summary><c>privatar synthesis datalens</c>: one DataLens release.</summary>
public sealed record DataLensArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "datalens"];
    public static string Description => "DataLens: the teacher ensemble with top-k stochastic-sign gradient votes, summed with Gaussian noise and thresholded";

    [Opt("teacher discriminators (disjoint partitions of the private set)", Key = "datalens.teachers", AtLeast = 1)] public int Teachers { get; init; }
    [Opt("student steps", Key = "datalens.steps", AtLeast = 1)] public int Steps { get; init; }
    [Opt("generated samples per student step (each one query)", Key = "datalens.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("real images per teacher update", Key = "datalens.teacher_batch", AtLeast = 1)] public int TeacherBatch { get; init; }
    [Opt("teacher learning rate", Key = "datalens.lr", Above = 0)] public double Lr { get; init; }
    [Opt("generator learning rate", Key = "datalens.generator_lr", Above = 0)] public double GeneratorLr { get; init; }
    [Opt("gradient coordinates each teacher keeps", Key = "datalens.top_k", AtLeast = 1)] public int TopK { get; init; }
    [Opt("threshold on |noisy vote sum| as a share of the teachers", Key = "datalens.threshold_share", AtLeast = 0)] public double ThresholdShare { get; init; }
}
