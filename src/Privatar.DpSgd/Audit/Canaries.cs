using Privatar.Core;
using Privatar.Mnist;

namespace Privatar.DpSgd.Audit;

/// <summary>
/// The audit's canaries: the last m examples of the training pool, each given a wrong label (y + 1 + k mod 10, k uniform
/// in 0..8) so that a model that fits one stands out by its loss, and each inserted into the training set independently
/// with probability ½. Both draws are the auditor's secret, from their own seeded streams (audit/canaries,
/// audit/membership); they are not privacy noise, so they stay seeded under either noise mode.
/// </summary>
public sealed record Canaries(LabeledImages Set, bool[] Inserted)
{
    public const int Classes = 10;

    public int Count => Inserted.Length;

    /// <summary>Splits <paramref name="pool"/> into the examples always trained on and <paramref name="m"/> canaries.</summary>
    public static (LabeledImages Base, Canaries Canaries) Split(LabeledImages pool, int m, ulong root)
    {
        if (m < 2) throw new ArgumentException($"audit canaries: expected at least 2, got {m}");
        if (m >= pool.Count) throw new ArgumentException($"audit canaries: {m} canaries need a training pool larger than that, got {pool.Count} examples");
        var per = pool.Height * pool.Width * IdxArray.ElementSize(pool.Images.Type);
        var n = pool.Count - m;
        var relabel = new Random(SeedStreams.DeriveInt32(unchecked((long)root), SeedPurpose.AuditCanaries));
        var labels = pool.Labels[n..].Select(y => (byte)((y + 1 + relabel.Next(Classes - 1)) % Classes)).ToArray();
        var membership = new Random(SeedStreams.DeriveInt32(unchecked((long)root), SeedPurpose.AuditMembership));
        var inserted = Enumerable.Range(0, m).Select(_ => membership.Next(2) == 1).ToArray();
        var set = new LabeledImages(pool.Images with { Dims = [m, pool.Height, pool.Width], Data = pool.Images.Data[(n * per)..] }, labels);
        return (pool.Take(n), new Canaries(set, inserted));
    }

    /// <summary>The base examples followed by the inserted canaries (what DP-SGD trains on).</summary>
    public LabeledImages TrainingSet(LabeledImages baseSet)
    {
        var per = baseSet.Height * baseSet.Width * IdxArray.ElementSize(baseSet.Images.Type);
        var idx = Enumerable.Range(0, Count).Where(i => Inserted[i]).ToArray();
        var data = new byte[(baseSet.Count + idx.Length) * per];
        baseSet.Images.Data.AsSpan(0, baseSet.Count * per).CopyTo(data);
        for (var k = 0; k < idx.Length; k++)
            Set.Images.Data.AsSpan(idx[k] * per, per).CopyTo(data.AsSpan((baseSet.Count + k) * per));
        var labels = baseSet.Labels.Take(baseSet.Count).Concat(idx.Select(i => Set.Labels[i])).ToArray();
        return new LabeledImages(baseSet.Images with { Dims = [baseSet.Count + idx.Length, baseSet.Height, baseSet.Width], Data = data }, labels);
    }
}
