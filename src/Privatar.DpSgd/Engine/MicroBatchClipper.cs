using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>
/// The exact, slow route: one forward/backward per example. Works for every layer type
/// (ConvTranspose, norms with parameters, shared weights), and is the reference the hook route is tested against.
/// </summary>
public sealed class MicroBatchClipper(nn.Module model) : IPerSampleClipper
{
    readonly Parameter[] parameters = model.parameters().Where(p => p.requires_grad).ToArray();

    public string Name => "micro-batch";

    public IReadOnlyList<Parameter> Parameters => parameters;

    public ClippedSum ClipAndSum(IReadOnlyList<Tensor> batch, PerSampleLoss loss, double maxGradNorm)
    {
        var n = batch[0].shape[0];
        var sums = parameters.Select(p => zeros_like(p)).ToArray();
        var norms = new List<Tensor>();
        var losses = new List<Tensor>();
        for (var i = 0; i < n; i++)
        {
            var example = batch.Select(t => t.narrow(0, i, 1)).ToList();
            var li = loss(example);                                            // (1)
            var grads = autograd.grad([li.sum()], parameters, allow_unused: true);
            var sq = zeros(1, dtype: parameters[0].dtype, device: parameters[0].device);
            foreach (var g in grads)
                if (g is not null) sq += g.square().sum();
            var norm = sq.sqrt();                                             // (1)
            var f = Clipping.Factors(norm, maxGradNorm);
            for (var p = 0; p < parameters.Length; p++)
                if (grads[p] is { } g) sums[p].add_(g * f);
            norms.Add(norm);
            losses.Add(li.detach().reshape(1));
        }
        var dtype = parameters[0].dtype;
        return new ClippedSum(sums,
            n == 0 ? zeros(0, dtype: dtype) : cat(norms, 0),
            n == 0 ? zeros(0, dtype: dtype) : cat(losses, 0));
    }

    public void Dispose() { }
}
