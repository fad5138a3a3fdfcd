namespace Privatar.Generators.GsWgan;

/// <summary>
/// GS-WGAN's hyper-parameters; defaults are the paper's MNIST settings (Chen et al. 2020): 1000 shards with one critic
/// each, 2000 warm-start critic steps, 20,000 generator steps at batch 32, WGAN-GP (λ 10, drift 1e-3, 5 critic steps,
/// Adam 1e-4, β (0.5, 0.9)), clip 1 on each generated image's gradient, latent 10. The generator network is DP-MERF's
/// small conditional conv generator, not the paper's ResNet (CPU budget).
/// </summary>
public sealed record GsWganSettings(
    int Shards = 1000,
    int GeneratorSteps = 20_000,
    int WarmSteps = 2000,            // non-private critic steps per shard before the private phase
    int BatchSize = 32,
    int CriticSteps = 5,             // WGAN-GP critic updates per generator step
    double Lr = 1e-4,
    double Beta1 = 0.5,
    double Beta2 = 0.9,
    double GradientPenalty = 10,
    double Drift = 1e-3,
    double Clip = 1.0,               // C: per-image clip of ∂loss/∂x_gen
    int CodeDim = 10,
    int CriticWidth = 32,
    int GeneratorHidden = 200)
{
    public void Validate()
    {
        if (Shards < 1) throw new ArgumentException($"shards: expected >= 1, got {Shards}");
        if (GeneratorSteps < 1) throw new ArgumentException($"generator_steps: expected >= 1, got {GeneratorSteps}");
        if (WarmSteps < 0) throw new ArgumentException($"warm_steps: expected >= 0, got {WarmSteps}");
        if (BatchSize < 2) throw new ArgumentException($"batch_size: expected >= 2 (the generator's BatchNorm), got {BatchSize}");
        if (CriticSteps < 1) throw new ArgumentException($"critic_steps: expected >= 1, got {CriticSteps}");
        if (!(Lr > 0)) throw new ArgumentException($"lr: expected > 0, got {Lr}");
        if (!(Beta1 >= 0 && Beta1 < 1 && Beta2 >= 0 && Beta2 < 1)) throw new ArgumentException("betas: expected in [0, 1)");
        if (!(GradientPenalty >= 0 && Drift >= 0)) throw new ArgumentException("gradient penalty and drift: expected >= 0");
        if (!(Clip > 0)) throw new ArgumentException($"max_grad_norm: expected > 0, got {Clip}");
        if (CodeDim < 1 || CriticWidth < 1 || GeneratorHidden < 1) throw new ArgumentException("network sizes: expected >= 1");
    }
}
