using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>
/// The efficient route for models whose trainable parameters all sit in Linear, Conv2d, GroupNorm and Embedding
/// layers (Opacus's grad-sample formulas, with "book-keeping" sums). One forward pass with forward hooks keeps each
/// layer's input A and output Y; one <c>autograd.grad(Σ_i loss_i, [Y_l])</c> gives the output
/// gradients B_l (row i is example i's, as no layer mixes examples). Per-example norms come from
/// ghost norms (2-D Linear: ‖B_i‖²‖A_i‖²) or small materialised gradients (Conv2d, N-D Linear), and the
/// clipped sums from one weighted contraction per layer, so no parameter gradient is formed twice.
/// An example may own several consecutive rows (noise multiplicity: the loss returns n values while the layers
/// see n·K rows, example-major); its gradient is then the sum over its rows, taken before norms and clipping.
/// </summary>
public sealed class HookClipper : IPerSampleClipper
{
    readonly List<HookedLayer> layers = [];
    readonly List<Action> hooks = [];   // removers
    readonly Parameter[] parameters;
    bool capturing;

    HookClipper(nn.Module model)
    {
        foreach (var (name, module) in AllModules(model))
        {
            switch (module)
            {
                case Linear or Conv2d or GroupNorm or Embedding when Own(module) is ({ requires_grad: true } weight, var bias):
                    Hook((nn.Module<Tensor, Tensor>)module, new HookedLayer(name, module, weight, bias));
                    break;
            }
        }
        if (layers.Count == 0) throw new ArgumentException("the model has no trainable Linear, Conv2d, GroupNorm or Embedding layer");
        // Sums follow model.parameters() order (named_modules may visit a module's later fields first).
        var order = model.parameters().Select((p, i) => (p.Handle, i)).ToDictionary(t => t.Handle, t => t.i);
        layers.Sort((a, b) => order[a.Weight.Handle].CompareTo(order[b.Weight.Handle]));
        parameters = layers.SelectMany(l => l.Bias is null ? new[] { l.Weight } : [l.Weight, l.Bias]).ToArray();
    }

    /// <summary>
    /// The layer's registered weight and bias, as parameters() returns them: the Embedding and GroupNorm properties wrap
    /// the native tensor anew on each read, and the engine writes .grad on the instances an optimizer holds.
    /// </summary>
    static (Parameter? Weight, Parameter? Bias) Own(nn.Module module)
    {
        var own = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        return (own.GetValueOrDefault("weight"), own.GetValueOrDefault("bias"));
    }

    void Hook(nn.Module<Tensor, Tensor> module, HookedLayer layer)
    {
        layers.Add(layer);
        var handle = module.register_forward_hook(Capture(layer));
        hooks.Add(handle.remove);
    }

    public string Name => "hooks";

    /// <summary>The model itself and its descendants (TorchSharp's named_modules omits the root).</summary>
    static IEnumerable<(string Name, nn.Module Module)> AllModules(nn.Module model) =>
        model.named_modules().Any(m => ReferenceEquals(m.module, model))
            ? model.named_modules()
            : model.named_modules().Prepend(("(root)", model));

    public IReadOnlyList<Parameter> Parameters => parameters;

    /// <summary>
    /// Null when the model is supported, else the reason (the first unsupported layer). Supported: every
    /// trainable parameter belongs to a Linear, an affine GroupNorm, an Embedding (plain lookup: no max_norm) or an
    /// ungrouped, zero-padded Conv2d with explicit padding.
    /// </summary>
    public static string? Unsupported(nn.Module model)
    {
        foreach (var (name, module) in AllModules(model))
        {
            var own = module.parameters(recurse: false).Where(p => p.requires_grad).ToList();
            if (own.Count == 0) continue;
            switch (module)
            {
                case Linear:
                case GroupNorm { affine: true }:
                case Embedding:
                    continue;
                case Conv2d conv when conv.groups == 1 && conv.padding_type is null && conv.padding_mode == PaddingModes.Zeros:
                    continue;
                case Conv2d:
                    return $"layer '{name}': Conv2d with groups, 'same'/'valid' padding or non-zero padding mode";
                default:
                    return $"layer '{name}' ({module.GetType().Name}) has parameters and no per-sample rule";
            }
        }
        return null;
    }

    public static HookClipper Create(nn.Module model) =>
        Unsupported(model) is { } reason
            ? throw new ArgumentException($"the hook route cannot handle this model: {reason}; use the micro-batch route")
            : new HookClipper(model);

    Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor> Capture(HookedLayer layer) => (_, input, output) =>
    {
        if (!capturing) return output;
        layer.Calls++;
        if (layer.Calls > 1) return output;   // reported after the forward pass (shared weights)
        // libtorch here rejects autograd.grad w.r.t. several non-leaf outputs that feed each other, so each
        // output gets a zero leaf "probe" added: ∂loss/∂probe = ∂loss/∂Y at the cost of one add.
        layer.Input = input.detach();
        layer.Output = zeros_like(output).requires_grad_();
        return output + layer.Output;
    };

    public ClippedSum ClipAndSum(IReadOnlyList<Tensor> batch, PerSampleLoss loss, double maxGradNorm)
    {
        foreach (var l in layers) { l.Input = null; l.Output = null; l.Calls = 0; }
        Tensor losses;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        capturing = true;
        try { losses = loss(batch); }                                          // (n)
        finally { capturing = false; }
        foreach (var l in layers)
        {
            if (l.Calls == 0) throw new InvalidOperationException($"layer '{l.Name}' did not run in the forward pass");
            if (l.Calls > 1)
                throw new InvalidOperationException($"layer '{l.Name}' ran {l.Calls} times in one forward pass (shared weights); use the micro-batch route");
        }

        var n = losses.shape[0];
        var outputs = layers.Select(l => l.Output!).ToArray();
        var forward = clock.Elapsed.TotalMilliseconds;
        var backprops = autograd.grad([losses.sum()], outputs);                 // B_l, same shape as Y_l
        var backward = clock.Elapsed.TotalMilliseconds;
        var sq = zeros_like(losses.detach());
        var parts = new List<LayerGrads>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var part = PerSampleGrads.Of(layers[i], layers[i].Input!, backprops[i], n);
            sq += part.SquaredNorms;
            if (!part.NeedsCapture)
            {
                // Freed now rather than with the step's scope: the step's peak memory is then about one layer's capture.
                layers[i].Input!.Dispose();
                backprops[i].Dispose();
            }
            parts.Add(part);
        }
        var norms = sq.sqrt();
        var perExample = clock.Elapsed.TotalMilliseconds;
        var f = Clipping.Factors(norms, maxGradNorm);                           // (n)
        var sums = new List<Tensor>(parameters.Length);
        foreach (var part in parts)
        {
            sums.Add(part.WeightSum(f));
            if (part.BiasSum(f) is { } b) sums.Add(b);
        }
        foreach (var l in layers) { l.Input = null; l.Output = null; }
        var done = clock.Elapsed.TotalMilliseconds;
        return new ClippedSum(sums.ToArray(), norms, losses.detach())
        {
            Phases = new ClipPhases(forward, backward - forward, perExample - backward, done - perExample),
        };
    }

    public void Dispose()
    {
        foreach (var remove in hooks) remove();
        hooks.Clear();
    }
}

/// <summary>A hooked layer and what the last forward pass captured.</summary>
sealed class HookedLayer(string name, nn.Module module, Parameter weight, Parameter? bias)
{
    public string Name { get; } = name;
    public nn.Module Module { get; } = module;
    public Parameter Weight { get; } = weight;
    public Parameter? Bias { get; } = bias is { requires_grad: true } ? bias : null;
    public int Calls { get; set; }
    public Tensor? Input { get; set; }
    /// <summary>The zero leaf added to the layer's output (its gradient is B).</summary>
    public Tensor? Output { get; set; }
}
