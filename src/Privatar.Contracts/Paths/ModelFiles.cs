namespace Privatar.Contracts;

/// <summary>The files one training unit writes, all in its own folder (train/&lt;model id&gt;/).</summary>
public sealed record TrainOutputs(string Directory)
{
    public const string CurvesName = "training_curves.csv";

    public string Best => Path.Combine(Directory, "best_model.pt");
    public string Last => Path.Combine(Directory, "model.pt");
    public string Info => Path.Combine(Directory, "checkpoint.json");
    public string Curve => Path.Combine(Directory, CurvesName);

    /// <summary>Every file, in the pipeline's '/'-separated form.</summary>
    public IReadOnlyList<string> All => [.. new[] { "best_model.pt", "model.pt", "checkpoint.json", CurvesName }.Select(n => $"{Directory}/{n}")];

    /// <summary>What a consumer of the trained model reads: the best weights and their sidecar.</summary>
    public IReadOnlyList<string> Checkpoint => [$"{Directory}/best_model.pt", $"{Directory}/checkpoint.json"];
}

/// <summary>The files one test unit writes, all in its own folder (test/&lt;model id&gt;/).</summary>
public sealed record TestOutputs(string Directory)
{
    public const string MetricsName = "test_metrics.csv";

    public string Metrics => Path.Combine(Directory, MetricsName);
    public string Z => Path.Combine(Directory, "z.npy");
    public string ZOffload => Path.Combine(Directory, "z_offload.npy");
    public string Samples => Path.Combine(Directory, "samples.tsv");

    /// <summary>The saved latent of one branch, in the pipeline's form: z (local or whole) or z_offload.</summary>
    public string Latent(bool offloaded) => $"{Directory}/{(offloaded ? "z_offload.npy" : "z.npy")}";

    /// <summary>Every file the unit writes for a model that does (or does not) offload a latent, in the pipeline's form.</summary>
    public IReadOnlyList<string> All(bool offloads) =>
        [.. (offloads ? new[] { MetricsName, "z.npy", "z_offload.npy", "samples.tsv" } : [MetricsName, "z.npy", "samples.tsv"]).Select(n => $"{Directory}/{n}")];
}
