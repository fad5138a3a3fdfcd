using Privatar.Models.Training;
using Privatar.Training.Noisy;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Training.Tests.Noisy;

/// <summary>Test batches kept across the models of a noisy-test call, within a byte budget.</summary>
public sealed class TestBatchCacheTests
{
    static TestBatch Tiny() => new(new VaeBatch(zeros(1, 3, 4, 4), zeros(1, 3, 4, 4), ones(1, 3, 4, 4), zeros(1, 5, 3), zeros(1, 3),
        rand(1, 16, 16, 3), zeros(1, 3, 4), zeros(new long[] { 1 }, dtype: ScalarType.Int64)));

    // float32 tensors: 3·48 + 15 + 3 + 768 + 12 elements = 942 → 3768 bytes, cam 8 bytes;
    // SSIM: photo 8·768 + μ_y, σ_y² 8·2·108 + the photo alias 4·768 = 10944 bytes
    const long TinyBytes = 3768 + 8 + 10944;

    [Fact]
    public void A_batch_is_loaded_once_for_every_model_while_it_fits()
    {
        using var cache = new TestBatchCache(budgetBytes: 1 << 20);
        var loads = 0;
        TestBatch Load() { loads++; return Tiny(); }
        var a = cache.For([3, 1], Load, out var ownedA);
        var b = cache.For([3, 1], Load, out var ownedB);
        Assert.Equal(1, loads);
        Assert.Same(a, b);
        Assert.False(ownedA || ownedB);                 // the cache disposes them
        Assert.Equal(TinyBytes, cache.Bytes);
        Assert.NotSame(a, cache.For([1, 3], Load, out _));   // other samples, another batch
        Assert.Equal(2, loads);
    }

    [Fact]
    public void Past_the_budget_every_call_loads_and_the_caller_disposes()
    {
        using var cache = new TestBatchCache(budgetBytes: TinyBytes - 1);
        var loads = 0;
        TestBatch Load() { loads++; return Tiny(); }
        using (var first = cache.For([0], Load, out var owned)) Assert.True(owned);
        using (var again = cache.For([0], Load, out var owned)) Assert.True(owned);
        Assert.Equal(2, loads);
        Assert.Equal(0, cache.Bytes);
    }
}
