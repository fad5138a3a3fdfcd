using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Audit;

/// <summary>What the one-run audit needs of a model: its canaries, one training run, and a per-example loss (lower = fitted).</summary>
abstract class AuditedModel : IDisposable
{
    public abstract string Kind { get; }
    public abstract string CanaryKind { get; }
    public abstract (LabeledImages Base, Canaries Canaries) Canaries(LabeledImages pool, int m, ulong root);
    public abstract TrainResult Train(MnistTensors train, MnistTensors test, TrainConfig cfg, DpConfig? dp, TrainLog log);
    public abstract double[] Losses(MnistTensors data, int batchSize);
    public abstract double? TestAccuracy(TrainResult result);
    public abstract void Dispose();
}

/// <summary>The study's CNN; a canary's loss is its cross-entropy under its wrong label.</summary>
sealed class AuditedClassifier : AuditedModel
{
    MnistCnn? model;

    public override string Kind => "classifier";
    public override string CanaryKind => "mislabelled";
    public override (LabeledImages Base, Canaries Canaries) Canaries(LabeledImages pool, int m, ulong root) => Audit.Canaries.Split(pool, m, root);

    public override TrainResult Train(MnistTensors train, MnistTensors test, TrainConfig cfg, DpConfig? dp, TrainLog log)
    {
        model = new MnistCnn();
        return ClassifierTraining.Run(model, train, test, cfg, dp, log);
    }

    public override double[] Losses(MnistTensors data, int batchSize) => CanaryAudit.Losses(Trained(model), data, batchSize);
    public override double? TestAccuracy(TrainResult result) => result.Final.TestAccuracy;
    public override void Dispose() => model?.Dispose();

    internal static T Trained<T>(T? m) where T : class => m ?? throw new InvalidOperationException("the audited model is not trained yet");
}

/// <summary>
/// The study's MLP VAE; a canary's loss is the training loss (reconstruction + KL) with the reparameterisation noise at
/// zero, so the score of each example is deterministic rather than one draw of a noisy ELBO estimate.
/// </summary>
sealed class AuditedVae(int latentDim, Fidelity fidelity) : AuditedModel
{
    MlpVae? vae;

    public override string Kind => "vae";
    public override string CanaryKind => "crafted random-image";
    public override (LabeledImages Base, Canaries Canaries) Canaries(LabeledImages pool, int m, ulong root) => Audit.Canaries.Crafted(pool, m, root);

    public override TrainResult Train(MnistTensors train, MnistTensors test, TrainConfig cfg, DpConfig? dp, TrainLog log)
    {
        vae = new MlpVae(latentDim);
        return VaeTraining.Run(vae, train, test, cfg, dp, fidelity, log);
    }

    public override double[] Losses(MnistTensors data, int batchSize)
    {
        var m = AuditedClassifier.Trained(vae);
        return CanaryAudit.Evaluate(m, data, batchSize, (x, _) =>
            MlpVae.Loss(m.Forward(x, zeros(x.shape[0], m.LatentDim)), VaeTraining.Target(x, fidelity)));
    }

    public override double? TestAccuracy(TrainResult result) => null;
    public override void Dispose() => vae?.Dispose();
}
