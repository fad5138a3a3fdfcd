using Privatar.Data.Dataset;
using Privatar.Models;
using Privatar.Models.Rendering;
using Privatar.Models.Training;
using static TorchSharp.torch;

namespace Privatar.Training;

/// <summary>
/// A Multiface subject as the training loop sees it: the train and test sample lists (the original's camera sets
/// "train" and "test"), the normalisation statistics, the screen-loss setup and batches as <see cref="VaeBatch"/>.
/// Samples are read from disk per batch (as the original's loader does); nothing is cached.
/// </summary>
public sealed class AvatarData : IDisposable
{
    AvatarData(MultifaceDataset ds)
    {
        Dataset = ds;
        Train = ds.Samples(Split.Train, "train");
        Test = ds.Samples(Split.Test, "test");
        if (Train.Count == 0) throw new InvalidDataException($"{ds.Layout.Root}: no training samples (every frame is in the test segment or lacks textures)");
        if (Test.Count == 0) throw new InvalidDataException($"{ds.Layout.Root}: no test samples (no frame matches the test prefixes {string.Join(", ", ds.TestPrefixes)})");
        if (ds.TextureWidth != ds.TextureHeight) throw new InvalidDataException($"{ds.Layout.TexMean}: textures must be square, got {ds.TextureWidth}x{ds.TextureHeight}");
        if (ds.PhotoWidth == 0) throw new InvalidDataException($"{ds.Layout.Root}: no photos, so the screen loss cannot be computed");
        var st = ds.Statistics;
        Norm = new Normalization(
            tensor(st.TexMean, new long[] { 1, 3, ds.TextureHeight, ds.TextureWidth }), st.TexStd,
            tensor(st.VertMean, new long[] { ds.VertexCount, 3 }), st.VertStd);
        var topo = st.Topology;
        // No loss_weight_mask.png ships with a subject, so every texel weighs 1 in the screen loss (documented in cake.config).
        Screen = new ScreenSetup(
            new MeshTopology(tensor(topo.Uvs, new long[] { topo.UvCount, 2 }),
                             tensor(topo.VertIds.Select(i => (long)i).ToArray(), new long[] { topo.FaceCount, 3 }),
                             tensor(topo.UvIds.Select(i => (long)i).ToArray(), new long[] { topo.FaceCount, 3 })),
            ones(1, 3, ds.TextureHeight, ds.TextureWidth), ds.PhotoHeight, ds.PhotoWidth);
    }

    public static AvatarData Open(string root, bool allowMissingSamples = false) =>
        new(MultifaceDataset.Open(root, DatasetOptions.Default with { AllowMissingSamples = allowMissingSamples }));

    public MultifaceDataset Dataset { get; }
    public IReadOnlyList<SampleKey> Train { get; }
    public IReadOnlyList<SampleKey> Test { get; }
    public Normalization Norm { get; }
    public ScreenSetup Screen { get; }

    /// <summary>The model architecture this subject implies (texture size, vertex count, camera count).</summary>
    public VaeConfig ModelConfig(Fidelity fidelity) => new()
    {
        TexSize = Dataset.TextureWidth, Vertices = Dataset.VertexCount, Cameras = Dataset.Cameras.Count, Fidelity = fidelity,
    };

    /// <summary>Loads and stacks <paramref name="keys"/> into one batch (photos included).</summary>
    public VaeBatch Batch(IReadOnlyList<SampleKey> keys)
    {
        var samples = keys.Select(k => Dataset.Load(k)).ToArray();
        long b = samples.Length, t = Dataset.TextureWidth, v = Dataset.VertexCount;
        Tensor Stack(Func<MultifaceSample, float[]> field, params long[] shape) =>
            tensor(samples.SelectMany(field).ToArray(), new[] { b }.Concat(shape).ToArray());
        return new VaeBatch(
            Stack(s => s.AverageTexture, 3, t, t), Stack(s => s.Texture, 3, t, t), Stack(s => s.Mask, 3, t, t),
            Stack(s => s.Vertices, v, 3), Stack(s => s.View, 3),
            Stack(s => s.Photo, Dataset.PhotoHeight, Dataset.PhotoWidth, 3), Stack(s => s.M, 3, 4),
            tensor(samples.Select(s => (long)s.CameraIndex).ToArray(), new[] { b }));
    }

    public void Dispose()
    {
        Norm.TexMean.Dispose(); Norm.VertMean.Dispose();
        Screen.LossWeightMask.Dispose(); Screen.Topology.Uvs.Dispose(); Screen.Topology.VertIds.Dispose(); Screen.Topology.UvIds.Dispose();
    }
}

/// <summary>
/// The original's RandomSampler with a seeded generator: a fresh permutation of the sample list per epoch, cut
/// into consecutive batches (the last, shorter batch is kept, as DataLoader's drop_last=False does).
/// </summary>
public sealed class BatchSampler(int count, int batchSize, int seed)
{
    readonly Random _rng = new(seed);
    int[] _order = [];
    int _pos;

    public int Epoch { get; private set; } = -1;

    public int[] Next()
    {
        if (_pos >= _order.Length)
        {
            _order = Enumerable.Range(0, count).ToArray();
            _rng.Shuffle(_order);
            _pos = 0;
            Epoch++;
        }
        var take = Math.Min(batchSize, _order.Length - _pos);
        var batch = _order.AsSpan(_pos, take).ToArray();
        _pos += take;
        return batch;
    }
}
