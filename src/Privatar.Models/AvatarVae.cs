using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models;

/// <summary>
/// What a VAE reads: avg texture (B, 3, T, T) normalised, verts (B, V, 3) normalised, view direction (B, 3),
/// camera index (B) int64 for colour correction (null skips it), and an optional diagonal noise covariance
/// (z) added to the offloaded latent (the whole z for models that offload nothing else).
/// </summary>
public sealed record VaeInput(Tensor AvgTex, Tensor Verts, Tensor View, Tensor? Cam = null, Tensor? NoiseVariance = null);

/// <summary>
/// What a VAE returns: predicted texture (B, 3, T, T) in normalised units, predicted verts (B, V, 3), the KL term
/// (scalar), the latent z and, for split models, the offloaded latent after noise (what the cloud sees).
/// </summary>
public sealed record VaeOutput(Tensor PredTex, Tensor PredVerts, Tensor Kl, Tensor Z, Tensor? ZOffload) : IDisposable
{
    public void Dispose()
    {
        PredTex.Dispose(); PredVerts.Dispose(); Kl.Dispose(); Z.Dispose(); ZOffload?.Dispose();
    }
}

/// <summary>The shared surface of the six variants: forward, optimizer groups, per-step projection.</summary>
public abstract class AvatarVae : nn.Module<VaeInput, VaeOutput>
{
    protected AvatarVae(string name, VaeConfig config, VaeVariant variant) : base(name)
    {
        Config = config.Validate();
        Variant = variant;
    }

    public VaeConfig Config { get; }
    public VaeVariant Variant { get; }

    /// <summary>Parameters of the main Adam (encoder(s) and decoder). See <see cref="ParametersForOptimizer(Fidelity)"/>.</summary>
    public IEnumerable<Parameter> ParametersForOptimizer() => ParametersForOptimizer(Config.Fidelity);

    /// <summary>
    /// Parameters of the main optimizer under <paramref name="fidelity"/>. Colour correction has its own optimizer
    /// (<see cref="ColorCorrectionParameters"/>). Frozen parameters are never included.
    /// </summary>
    public abstract IEnumerable<Parameter> ParametersForOptimizer(Fidelity fidelity);

    /// <summary>Trainable colour-correction parameters (the camera-0 anchor is frozen).</summary>
    public abstract IEnumerable<Parameter> ColorCorrectionParameters();

    /// <summary>Called at the start of every training iteration, outside autograd (quantization re-projects here).</summary>
    public virtual void BeforeTrainingStep() { }

    /// <summary>Scales (mean x0.1, logstd x0.01 unless <paramref name="scale"/> is false), KL, reparameterised sample.</summary>
    protected static (Tensor Z, Tensor Kl) Sample(Tensor mean, Tensor logStd, bool scale = true)
    {
        using var scope = NewDisposeScope();
        var m = scale ? mean * 0.1 : mean.alias();
        var s = scale ? logStd * 0.01 : logStd.alias();
        var kl = 0.5 * (exp(2 * s) + m.pow(2) - 1.0 - 2 * s).mean();   // mean over batch and dimensions
        var z = m + exp(s) * randn_like(m);                               // sampling also happens in eval
        return (z.MoveToOuterDisposeScope(), kl.MoveToOuterDisposeScope());
    }

    /// <summary>z + sqrt(diag)·N(0, I): the original draws N(0, diag(npy)) with numpy's multivariate_normal.</summary>
    protected static Tensor AddNoise(Tensor z, Tensor? variance)
    {
        if (variance is null) return z;
        if (variance.dim() != 1 || variance.shape[0] != z.shape[1])
            throw new ArgumentException($"noise variance: expected a vector of {z.shape[1]} entries, got [{string.Join(",", variance.shape)}]");
        using var std = variance.to(z.dtype).to(z.device).sqrt();
        using var eps = randn_like(z);
        using (z) return z + std * eps;
    }

    protected static IEnumerable<Parameter> Trainable(params nn.Module[] modules) =>
        modules.SelectMany(m => m.parameters()).Where(p => p.requires_grad);

    protected static Tensor Flatten(Tensor verts) => verts.reshape(verts.shape[0], -1);   // (B, V, 3) -> (B, 3V)
}
