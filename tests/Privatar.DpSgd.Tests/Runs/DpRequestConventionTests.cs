using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Training;
using Xunit;

namespace Privatar.DpSgd.Tests.Runs;

public class DpRequestConventionTests
{
    [Fact]
    public void TheConventionSetsTheRunsRateStepsAndDivisor()
    {
        var cfg = new TrainConfig(Epochs: 10, BatchSize: 256);
        var dp = DpRequest.WithSigma(1.0, 1.0, convention: AccountingConvention.Opacus).Resolve(60000, cfg);
        var s = dp.Schedule(60000, cfg.BatchSize);
        Assert.Equal((1.0 / 235, 235L, 255.0), (s.SampleRate, s.StepsPerEpoch, s.ExpectedBatchSize));
        Assert.Equal(2350, DpRequest.Steps(s.SampleRate, cfg.Epochs));
        // An explicit rate wins over either convention.
        Assert.Equal(0.01, (dp with { SampleRate = 0.01 }).ResolveSampleRate(60000, 256));
    }

    [Fact]
    public void CalibrationUsesTheConventionsSchedule()
    {
        var cfg = new TrainConfig(Epochs: 10, BatchSize: 256);
        var accountant = new AccountantOptions();
        var dp = DpRequest.WithEpsilon(1.35, 1e-5, accountant, 1.0, convention: AccountingConvention.Opacus).Resolve(60000, cfg);
        Assert.Equal(NoiseMultiplier.ForEpsilon(1.35, 1e-5, 1.0 / 235, 2350, accountant), dp.NoiseMultiplier);
        Assert.Equal(AccountingConvention.Opacus, dp.Convention);
    }
}
