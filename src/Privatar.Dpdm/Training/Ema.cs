using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Training;

/// <summary>Exponential moving average of a model's parameters (model/ema.py): shadow ← r·shadow + (1 − r)·p after each step.</summary>
public sealed class Ema : IDisposable
{
    readonly TorchSharp.Modules.Parameter[] parameters;
    readonly Tensor[] shadow;

    public Ema(nn.Module model, double rate)
    {
        Rate = rate;
        parameters = model.parameters().ToArray();
        shadow = parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    public double Rate { get; }

    public IReadOnlyList<Tensor> Shadow => shadow;

    public void Update()
    {
        using var _ = no_grad();
        for (var i = 0; i < parameters.Length; i++)
            shadow[i].mul_(Rate).add_(parameters[i], alpha: 1 - Rate);
    }

    /// <summary>Writes the averaged weights into <paramref name="target"/> (a model of the same architecture).</summary>
    public void CopyTo(nn.Module target)
    {
        var ps = target.parameters().ToArray();
        if (ps.Length != shadow.Length) throw new ArgumentException($"EMA holds {shadow.Length} tensors, the target has {ps.Length} parameters");
        using var _ = no_grad();
        for (var i = 0; i < ps.Length; i++) ps[i].copy_(shadow[i]);
    }

    public void Dispose()
    {
        foreach (var t in shadow) t.Dispose();
    }
}
