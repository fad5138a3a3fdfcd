using static TorchSharp.torch;

namespace Privatar.Training.Noisy;

/// <summary>
/// The photo side of SSIM (<see cref="BatchSsim"/>) of each test batch, kept across the models of one noisy-test call
/// (they all see the same batches) while it fits in <see cref="BudgetBytes"/>; past the budget a batch's statistics
/// are recomputed for every model, as they would be without the cache. Keyed by the batch's sample indices.
/// </summary>
public sealed class PhotoSsimCache(long budgetBytes) : IDisposable
{
    readonly Dictionary<string, BatchSsim> _byBatch = [];

    public long BudgetBytes { get; } = budgetBytes;
    public long Bytes { get; private set; }

    /// <summary>The statistics of the batch made of <paramref name="samples"/>; <paramref name="owned"/>: the caller disposes them (not cached).</summary>
    public BatchSsim For(IReadOnlyList<int> samples, Tensor photo, out bool owned)
    {
        var key = string.Join(",", samples);
        if (_byBatch.TryGetValue(key, out var cached)) { owned = false; return cached; }
        var ssim = new BatchSsim(photo);
        owned = Bytes + ssim.Bytes > BudgetBytes;
        if (!owned)
        {
            _byBatch.Add(key, ssim);
            Bytes += ssim.Bytes;
        }
        return ssim;
    }

    public void Dispose()
    {
        foreach (var s in _byBatch.Values) s.Dispose();
        _byBatch.Clear();
    }
}
