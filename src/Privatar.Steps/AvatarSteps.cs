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

    /// <summary>The profile tree's artifact families (Privatar.Contracts ArtifactPaths).</summary>
    public static ArtifactPaths Paths(PlanContext c) => new(c.ArtifactRoot);
}
