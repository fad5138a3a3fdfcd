namespace Privatar.Generators.Psg;

/// <summary>
/// PSG's hyper-parameters; defaults are the paper's (Chen, Kerkouche, Fritz 2022): 10 images per class, 1000
/// iterations, real batch 256 per class, clip 0.1, image SGD lr 0.1 momentum 0.5, network SGD lr 0.01, ConvNet width 128.
/// The outer/inner loop counts follow Dataset Condensation's get_loops for the images per class.
/// </summary>
public sealed record PsgSettings(
    int SamplesPerClass = 10,
    int Iterations = 1000,          // freshly initialised networks
    int BatchReal = 256,            // expected Poisson batch per class
    double MaxGradNorm = 0.1,       // C: per-example clip of the real gradient
    double LrImage = 0.1,
    double MomentumImage = 0.5,
    double LrNet = 0.01,
    int NetWidth = 128)
{
    /// <summary>Images per class the set may hold, and their (outer, inner) loop counts.</summary>
    public static IReadOnlyDictionary<int, (int Outer, int Inner)> Loops { get; } = new Dictionary<int, (int, int)>
    {
        [1] = (1, 1), [10] = (10, 50), [20] = (20, 25), [50] = (50, 10),
    };

    public int OuterLoop => Loops[SamplesPerClass].Outer;

    public int InnerLoop => Loops[SamplesPerClass].Inner;

    public void Validate()
    {
        if (!Loops.ContainsKey(SamplesPerClass))
            throw new ArgumentException($"samples_per_class: expected one of {string.Join(", ", Loops.Keys)}, got {SamplesPerClass}");
        if (Iterations < 1) throw new ArgumentException($"iterations: expected >= 1, got {Iterations}");
        if (BatchReal < 1) throw new ArgumentException($"batch_size: expected >= 1, got {BatchReal}");
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max_grad_norm: expected > 0, got {MaxGradNorm}");
        if (!(LrImage > 0 && LrNet > 0)) throw new ArgumentException("learning rates: expected > 0");
        if (!(MomentumImage >= 0 && MomentumImage < 1)) throw new ArgumentException($"image momentum: expected in [0, 1), got {MomentumImage}");
        // PSG differentiates through the network's input (the set). libtorch 2.10's float32 convolutions reorder NCHW
        // tensors into oneDNN's 16-channel blocks, and for widths off that block the double backward reads lanes it never
        // wrote: the set came out with NaNs, different ones each run (see Privatar.Models' ChannelsLast).
        if (NetWidth < 16 || NetWidth % 16 != 0)
            throw new ArgumentException($"net_width: expected a positive multiple of 16 (oneDNN's channel block; other widths gave non-finite sets), got {NetWidth}");
    }
}
