using Privatar.Models;
using Privatar.Training.Tests.Fixtures;
using Privatar.Contracts;

namespace Privatar.Training.Tests.Noisy;

/// <summary>A tiny subject with a baseline and a partition n = 8 trained for two iterations (enough to have checkpoints).</summary>
public sealed class TrainedTinyModels : IDisposable
{
    public TrainedTinyModels()
    {
        using var data = AvatarData.Open(Subject.Subject);
        var settings = new TrainSettings { MaxIter = 2, ValEvery = 2, ValNum = 0, BatchSize = 2, Seed = 7 };
        var baseline = new TrainOutputs(Subject.NewDir("baseline"));
        Trainer.Run(data, ModelConfig.Baseline, settings, baseline, null);
        Baseline = baseline.Directory;
        var partition = new TrainOutputs(Subject.NewDir("partition_n8"));
        Trainer.Run(data, new ModelConfig(VaeVariant.Partition, Offloaded: 8), settings, partition, baseline.Best);
        Partition = partition.Directory;
    }

    public TinySubject Subject { get; } = new();
    public string Baseline { get; }
    public string Partition { get; }

    public static string Checkpoint(string dir) => Path.Combine(dir, "best_model.pt");
    public static CheckpointInfo Info(string dir) => Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));

    public void Dispose() => Subject.Dispose();
}
