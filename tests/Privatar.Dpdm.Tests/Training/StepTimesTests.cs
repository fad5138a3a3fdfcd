using Privatar.DpSgd.Engine;
using Privatar.Dpdm.Training;

namespace Privatar.Dpdm.Tests.Training;

public sealed class StepTimesTests
{
    [Fact]
    public void Should_Average_Each_Phase_Over_The_Steps_And_Give_Its_Share()
    {
        var times = new StepTimes();
        times.Add(new DpStepStats(4, 1, 1, 0) { Clip = new ClipPhases(10, 20, 30, 4), NoiseMs = 2, UpdateMs = 4 });
        times.Add(new DpStepStats(4, 1, 1, 0) { Clip = new ClipPhases(30, 20, 10, 0), NoiseMs = 2, UpdateMs = 8 });

        Assert.Equal(2, times.Steps);
        Assert.Equal([20.0, 20, 20, 2, 2, 6], times.Means.Select(m => m.MeanMs));
        Assert.Equal("time per step over 2 steps: forward 20 ms (29%), backward 20 ms (29%), per-example gradients 20 ms (29%), "
            + "clip and sum 2 ms (3%), noise 2 ms (3%), Adam + EMA 6 ms (9%)", times.Summary());
    }
}
