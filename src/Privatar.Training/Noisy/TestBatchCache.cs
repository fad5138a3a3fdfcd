using Privatar.Models.Training;

namespace Privatar.Training.Noisy;

/// <summary>One test batch as a noisy test uses it: the loaded batch and the photo side of its SSIM.</summary>
public sealed class TestBatch(VaeBatch batch) : IDisposable
{
    public VaeBatch Batch { get; } = batch;
    public BatchSsim Ssim { get; } = NewSsim(batch);

    /// <summary>Bytes held (batch tensors and SSIM statistics), for a cache's budget.</summary>
    public long Bytes => Ssim.Bytes + new[] { Batch.AvgTex, Batch.Tex, Batch.Mask, Batch.Verts, Batch.View, Batch.Photo, Batch.M, Batch.Cam }
        .Sum(t => t.numel() * t.ElementSize);

    static BatchSsim NewSsim(VaeBatch batch)
    {
        using var photo = batch.Photo.permute(0, 3, 1, 2);   // (B, 3, H, W), as the metric compares it
        return new BatchSsim(photo);
    }

    public void Dispose()
    {
        Ssim.Dispose();
        Batch.Dispose();
    }
}

/// <summary>
/// The test batches of one noisy-test call, kept across its models (they all read the same seeded batches) while they
/// fit in <see cref="BudgetBytes"/>: each is then read from disk and its photo statistics computed once, not once per
/// model. Past the budget a batch is loaded for every model, as without the cache. Keyed by the batch's sample indices.
/// </summary>
public sealed class TestBatchCache(long budgetBytes) : IDisposable
{
    readonly Dictionary<string, TestBatch> _byBatch = [];

    public long BudgetBytes { get; } = budgetBytes;
    public long Bytes { get; private set; }

    /// <summary>The batch of <paramref name="samples"/>, from the cache or <paramref name="load"/>; <paramref name="owned"/>: the caller disposes it (not cached).</summary>
    public TestBatch For(IReadOnlyList<int> samples, Func<TestBatch> load, out bool owned)
    {
        var key = string.Join(",", samples);
        if (_byBatch.TryGetValue(key, out var cached)) { owned = false; return cached; }
        var batch = load();
        owned = Bytes + batch.Bytes > BudgetBytes;
        if (!owned)
        {
            _byBatch.Add(key, batch);
            Bytes += batch.Bytes;
        }
        return batch;
    }

    public void Dispose()
    {
        foreach (var b in _byBatch.Values) b.Dispose();
        _byBatch.Clear();
    }
}
