using Privatar.Data.Dataset;
using Privatar.Models;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// The attack set (§5.2): one frame per expression (the subject's selected_expression_frame_list.txt; the generator
/// writes the middle frame of each expression) seen from the frontal "attack" camera set (400023), in list order.
/// References and queries are the same K frames and sample i's class is i, so K = the number of samples.
/// </summary>
public sealed class AttackSamples : IDisposable
{
    readonly Tensor? viewComponents;

    AttackSamples(IReadOnlyList<SampleKey> keys, Tensor avgTex, Tensor verts, Tensor view, Tensor? viewComponents)
    {
        Keys = keys; AvgTex = avgTex; Verts = verts; View = view; this.viewComponents = viewComponents;
    }

    public IReadOnlyList<SampleKey> Keys { get; }
    public int Classes => Keys.Count;
    /// <summary>(K, 3, T, T) normalised average textures (the encoder input, and the references' source).</summary>
    public Tensor AvgTex { get; }
    /// <summary>(K, V, 3) normalised vertices.</summary>
    public Tensor Verts { get; }
    /// <summary>(K, 3) view directions of the attack camera.</summary>
    public Tensor View { get; }
    /// <summary>
    /// (K, 16, G, G) BDCT of each frame's texture as the attack camera sees it (the ground truth the decoder is trained to
    /// reproduce), summed over colours per component: what a perfect cloud decoder's channels would sum to (the
    /// empirical attack's ceiling). Kept colour-summed so a full-size subject costs a third of the textures, and only
    /// loaded when asked for: only the units without noise draw the ceiling.
    /// </summary>
    public Tensor ViewComponents => viewComponents
        ?? throw new InvalidOperationException("attack samples: loaded without the view textures' components (AttackSamples.Load withViewComponents: true)");

    public static AttackSamples Load(string subjectRoot, bool withViewComponents)
    {
        var ds = MultifaceDataset.Open(subjectRoot);
        var keys = ds.Samples(ds.AttackFrames, ds.CameraSet("attack"));
        if (keys.Count < 2)
            throw new InvalidDataException($"{subjectRoot}: {keys.Count} attack samples (attack frames {ds.Sources.AttackFrames} x camera set 'attack'); an identification attack needs at least 2 classes");
        var samples = keys.Select(k => ds.Load(k, withPhoto: false)).ToArray();
        long k = samples.Length, t = ds.SampleTextureSize, v = ds.VertexCount;
        Tensor? viewComponents = null;
        if (withViewComponents)
        {
            using var textures = tensor(samples.SelectMany(s => s.Texture).ToArray(), new[] { k, 3, t, t });
            viewComponents = ColourSummedComponents(textures);
        }
        return new AttackSamples(keys,
            tensor(samples.SelectMany(s => s.AverageTexture).ToArray(), new[] { k, 3, t, t }),
            tensor(samples.SelectMany(s => s.Vertices).ToArray(), new[] { k, v, 3 }),
            tensor(samples.SelectMany(s => s.View).ToArray(), new[] { k, 3 }),
            viewComponents);
    }

    /// <summary>For tests: samples from tensors directly; the view textures default to the average textures.</summary>
    public static AttackSamples From(Tensor avgTex, Tensor verts, Tensor view, Tensor? viewTex = null) =>
        new(Enumerable.Range(0, (int)avgTex.shape[0]).Select(i => new SampleKey($"E{i:000}", "000000", "400023")).ToArray(), avgTex, verts, view,
            ColourSummedComponents(viewTex ?? avgTex));

    static Tensor ColourSummedComponents(Tensor textures)
    {
        using var bdct = BlockDct.Forward(textures);    // (K, 16, 3, G, G)
        return bdct.sum(2);
    }

    public Tensor Labels() => arange(Classes, dtype: int64);

    public void Dispose()
    {
        AvgTex.Dispose(); Verts.Dispose(); View.Dispose(); viewComponents?.Dispose();
    }
}
