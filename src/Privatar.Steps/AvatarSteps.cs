using Privatar.Contracts;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// What the avatar steps (Data, Train, Evaluate, Latency, Covariance) share: where the subject and each model live,
/// which configurations the [train] lists expand into, and the source files each step's outputs depend on.
/// </summary>
public static class AvatarSteps
{
    public static string Subject(PlanContext c) => c.Artifact("data/subject");
    public static string Manifest(PlanContext c) => c.Artifact("data/subject.manifest.tsv");
    public static string TrainDir(PlanContext c, string id) => c.Artifact($"train/{id}");
    public static string TestDir(PlanContext c, string id) => c.Artifact($"test/{id}");
    public static string Results(PlanContext c, string file) => c.Artifact($"results/{file}");

    /// <summary>Noise files of one fidelity (noise/&lt;fidelity&gt;/), named inside it as the original names them (Privatar.Noise NoiseFileNames).</summary>
    public static string NoiseDir(PlanContext c, string fidelity) => c.Artifact($"noise/{fidelity}");
    public static string NoiseFile(PlanContext c, string fidelity, string relative) => $"{NoiseDir(c, fidelity)}/{relative}";

    /// <summary>The [train] keys that choose the configurations (they belong to the step, not to each unit).</summary>
    public static readonly ParamSpec[] ListParams =
    [
        P.StringList(ModelVariants.ListKey).OneOf([.. ModelVariants.All.Select(v => v.Name)]),
        .. ModelVariants.All.Where(v => v.ListKey is not null)
            .Select(v => v.Parameter == VariantParameter.Ratio ? P.DoubleList(v.ListKey!).Above(0) : P.IntList(v.ListKey!).AtLeast(1)),
    ];

    /// <summary>Every configuration the [train] lists expand into, in [train] variants order: the one place unit ids are made.</summary>
    public static IReadOnlyList<ModelConfig> Models(ParamValues p) => ModelConfig.Expand(p.StringList(ModelVariants.ListKey), p.Text);

    /// <summary>The models of one variant, e.g. every partition n.</summary>
    public static IReadOnlyList<ModelConfig> Models(ParamValues p, VaeVariant variant) => ModelConfig.Expand(p.StringList(ModelVariants.ListKey), p.Text, variant);

    /// <summary>The variant options of the verbs that still take them (<c>--variant partition --n 8</c>).</summary>
    public static object[] VariantArgs(ModelConfig m) => m.Variant switch
    {
        VaeVariant.Quantization => ["--variant", m.VariantName, "--bits", m.Bits!.Value],
        VaeVariant.Sparse => ["--variant", m.VariantName, "--ratio", m.Ratio!.Value],
        VaeVariant.Partition => ["--variant", m.VariantName, "--n", m.Offloaded!.Value],
        _ => ["--variant", m.VariantName],
    };

    /// <summary>The profile tree's artifact families (Privatar.Contracts ArtifactPaths).</summary>
    public static ArtifactPaths Paths(PlanContext c) => new(c.ArtifactRoot);

    /// <summary>The .cs files of one project's listed folders ("" = the project folder), never bin/ or obj/.</summary>
    public static IEnumerable<string> Sources(string project, params string[] folders) =>
        folders.Select(f => f.Length == 0 ? $"src/{project}/*.cs" : $"src/{project}/{f}/*.cs");

    public static readonly string[] DataCode = [.. Sources("Privatar.Data", "Dataset", "Format")];
    public static readonly string[] ModelCode = [.. Sources("Privatar.Models", "", "Layers", "Variants", "Training", "Rendering", "Analysis")];

    static string Training(string file) => $"src/Privatar.Training/{file}.cs";
    static string Verb(string file) => $"src/Privatar.Cli/Commands/{file}.cs";

    /// <summary>
    /// The <c>privatar vae</c> group file (shared options, device/thread set-up) and the torch set-up every verb applies,
    /// which pins MKL's reduction order (NativeReproducibility): both change the bytes of every step.
    /// </summary>
    static readonly string[] TorchSetup = ["src/Privatar.Torch/TorchSettings.cs", "src/Privatar.Torch/NativeReproducibility.cs"];
    static readonly string[] VaeGroup = [Verb("VaeCommand"), .. TorchSetup];

    /// <summary>What <c>vae train</c> runs, the PyTorch interchange included (+ the gather verb of the curves unit).</summary>
    public static readonly string[] TrainCode =
        [.. new[] { "AvatarData", "Checkpoints", "ModelSpec", "TrainSettings", "Trainer" }.Select(Training), .. Sources("Privatar.Interop", ""), .. VaeGroup, Verb("TrainCommand"), Verb("GatherCommand")];

    /// <summary>What <c>vae test</c> runs (Trainer.cs for its validation batch order; + the gather verb).</summary>
    public static readonly string[] TestCode =
        [.. new[] { "AvatarData", "Checkpoints", "ModelSpec", "Tester", "Trainer" }.Select(Training), .. VaeGroup, Verb("TestCommand"), Verb("GatherCommand")];

    /// <summary>What <c>vae latency</c> and <c>vae capacity</c> run.</summary>
    public static readonly string[] LatencyCode =
        [.. new[] { "LatencyBench", "CapacityReport", "ModelSpec" }.Select(Training), .. VaeGroup, "src/Privatar.Torch/NativeAllocator.cs", "src/Privatar.Torch/NativeThreading.cs", Verb("LatencyCommand"), Verb("CapacityCommand")];

    /// <summary>What <c>vae covariance</c> runs.</summary>
    public static readonly string[] CovarianceCode = [Training("CovarianceAnalysis"), .. VaeGroup, Verb("CovarianceCommand")];

    /// <summary>What <c>vae noisy-test|noisy-gather|noisy-grid</c> run: the tester's pieces and the Noisy folder.</summary>
    /// <summary>The one seed derivation every seeded stream goes through.</summary>
    public const string SeedCode = "src/Privatar.Core/SeedStreams.cs";

    public static readonly string[] NoisyCode =
        [.. new[] { "AvatarData", "Checkpoints", "ModelSpec", "Tester", "Trainer" }.Select(Training), "src/Privatar.Training/Noisy/*.cs", SeedCode, .. VaeGroup, Verb("NoisyCommand")];

    /// <summary>What the <c>attack</c> verbs take from Privatar.Training (checkpoint restore) and the CLI.</summary>
    public static readonly string[] AttackCode = [.. new[] { "Checkpoints", "ModelSpec" }.Select(Training), .. TorchSetup, SeedCode, Verb("AttackCommand")];
}
