using Privatar.Models;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training;

/// <summary>
/// The reference point of "trained beats untrained": the model a train unit starts from, saved as a checkpoint
/// before any step (same seed, same initialisation as <see cref="Trainer.Run"/>), with a sidecar that says so
/// (iterations 0, config "untrained"). <c>privatar vae init</c> writes it; <c>privatar vae test</c> then scores it
/// exactly as it scores the trained models.
/// </summary>
public static class Untrained
{
    public static CheckpointInfo Write(AvatarData data, ModelConfig spec, Fidelity fidelity, long seed, TrainOutputs outputs)
    {
        if (spec.Variant != VaeVariant.Baseline)
            throw new ArgumentException($"{spec}: only the baseline has an untrained starting point (every variant starts from the trained baseline)");
        random.manual_seed(seed);
        var cfg = data.ModelConfig(fidelity);
        using var model = spec.Create(cfg, seed);
        Directory.CreateDirectory(outputs.Directory);
        Checkpoints.Save(model, outputs.Best);
        Checkpoints.Save(model, outputs.Last);
        var info = new CheckpointInfo(
            spec.VariantName, "untrained", spec.Bits, spec.Ratio, spec.Offloaded,
            cfg.TexSize, cfg.Vertices, cfg.Latent, cfg.Cameras, fidelity.ToString().ToLowerInvariant(), seed,
            Iterations: 0, SkippedBatches: 0, BestIteration: -1, BestValLoss: 0, BestValMetric: "none (untrained: never validated)",
            CopiedFromBaseline: [], FreshKeys: []);
        Checkpoints.WriteInfo(outputs.Info, info);
        return info;
    }
}
