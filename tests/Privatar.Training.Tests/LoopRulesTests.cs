using Privatar.Models.Training;
using Xunit;

namespace Privatar.Training.Tests;

public sealed class LoopRulesTests
{
    static LossValues L(double total, double vert = 1, double kl = 1) => new(vert, 1, 1, kl, total);

    [Fact]
    public void A_batch_is_thrown_away_when_total_vert_or_kl_exceeds_fifty_times_the_last_accepted()
    {
        var prev = L(2, vert: 1, kl: 0.01);
        Assert.False(Trainer.Explodes(L(100, 1, 0.01), prev, 50));     // exactly 50x: kept (strictly greater skips)
        Assert.True(Trainer.Explodes(L(100.1, 1, 0.01), prev, 50));
        Assert.True(Trainer.Explodes(L(2, vert: 50.5, kl: 0.01), prev, 50));
        Assert.True(Trainer.Explodes(L(2, 1, kl: 0.51), prev, 50));
        Assert.True(Trainer.Explodes(L(double.NaN), prev, 50));
    }

    [Fact]
    public void Sampler_visits_every_sample_once_per_epoch_and_is_seeded()
    {
        var a = new BatchSampler(7, 3, 5);
        var epoch = new[] { a.Next(), a.Next(), a.Next() };
        Assert.Equal([3, 3, 1], epoch.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 7), epoch.SelectMany(b => b).Order());
        Assert.Equal(0, a.Epoch);
        a.Next();
        Assert.Equal(1, a.Epoch);
        var b = new BatchSampler(7, 3, 5);
        Assert.Equal(epoch[0], b.Next());
    }

    [Fact]
    public void Validation_batches_stop_at_the_end_of_the_split()
    {
        Assert.Equal(2, Trainer.ValidationBatches(5, 4, 10, 1).Count);
        Assert.Single(Trainer.ValidationBatches(5, 4, 1, 1));
    }
}
