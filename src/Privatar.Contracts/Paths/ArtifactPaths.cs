using Privatar.Noise;

namespace Privatar.Contracts;

/// <summary>
/// Where each artifact family lives in a profile's tree (<c>artifacts/&lt;profile&gt;</c>, '/'-separated): the steps plan
/// with these paths and the verbs derive nothing but the names inside the folders they are given.
/// </summary>
public sealed record ArtifactPaths(string Root)
{
    public string Subject => $"{Root}/data/subject";
    public string Manifest => $"{Root}/data/subject.manifest.tsv";
    public TrainOutputs Train(ModelConfig m) => new($"{Root}/train/{m.Id}");
    public TestOutputs Test(ModelConfig m) => new($"{Root}/test/{m.Id}");
    public string Results(string file) => $"{Root}/results/{file}";

    /// <summary>The Noise step's folder, one <see cref="NoiseDir"/> per fidelity inside.</summary>
    public string NoiseRoot => $"{Root}/noise";

    /// <summary>Noise files of one fidelity, named inside it as the original names them (Privatar.Noise NoiseFileNames).</summary>
    public string NoiseDir(NoiseFidelity f) => NoiseDirIn(NoiseRoot, f);

    public string NoiseFile(NoiseFidelity f, string relative) => $"{NoiseDir(f)}/{relative}";

    /// <summary>A fidelity's noise folder inside a noise root, as step and verb both name it.</summary>
    public static string NoiseDirIn(string noiseRoot, NoiseFidelity f) => $"{noiseRoot}/{f.Name()}";

    /// <summary>One noisy-inference slice: <c>clean</c>, or a fidelity and MI bound.</summary>
    public string NoisySlice(NoiseFidelity? f, double? mi) => $"{Root}/noisy/{(f is { } x ? $"{x.Name()}_mi{NoiseFileNames.Mi(mi!.Value)}" : "clean")}.csv";

    /// <summary>One attack unit's slice of attacks.csv, per partition model and MI bound (or none).</summary>
    public string AttackSlice(ModelConfig m, double? mi) => $"{Root}/attack/{m.Id}/mi_{MiText(mi)}.csv";

    /// <summary>An MI bound as ids and file names spell it, or <c>none</c> for no noise.</summary>
    public static string MiText(double? mi) => mi is { } m ? NoiseFileNames.Mi(m) : "none";

    public string Latency(ModelConfig m) => $"{Root}/latency/{m.Id}.csv";
}
