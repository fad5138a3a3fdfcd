using Xunit;

namespace Privatar.Noise.Tests;

public sealed class LatentStatisticsTests
{
    [Fact]
    public void ClipRows_Should_Scale_Only_Rows_Outside_The_Ball()
    {
        var clipped = LatentStatistics.ClipRows(new double[,] { { 3, 4 }, { 0.3, 0.4 } }, bound: 1);
        Assert.Equal(0.6, clipped[0, 0], 12);
        Assert.Equal(0.8, clipped[0, 1], 12);
        Assert.Equal(0.3, clipped[1, 0]); // inside the ball: untouched, bit for bit
        Assert.Equal(0.4, clipped[1, 1]);
        Assert.Throws<ArgumentException>(() => LatentStatistics.ClipRows(new double[1, 1], 0));
    }
}
