using Privatar.Attacks;
using Xunit;

namespace Privatar.Attacks.Tests;

public class BinomialIntervalTests
{
    [Fact]
    public void Zero_of_ten_is_zero_to_one_minus_the_40th_root_of_0_025()
    {
        var ci = BinomialInterval.ClopperPearson(0, 10);
        Assert.Equal(0.0, ci.Low);
        Assert.Equal(1 - Math.Pow(0.025, 0.1), ci.High, 6);   // 0.308497
        Assert.Equal(0.308497, ci.High, 6);
    }

    [Fact]
    public void Ten_of_ten_mirrors_zero_of_ten()
    {
        var ci = BinomialInterval.ClopperPearson(10, 10);
        Assert.Equal(0.691503, ci.Low, 6);
        Assert.Equal(1.0, ci.High);
    }

    [Fact]
    public void Five_of_ten_matches_the_published_exact_interval()
    {
        var ci = BinomialInterval.ClopperPearson(5, 10);
        Assert.Equal(0.187086, ci.Low, 6);
        Assert.Equal(0.812914, ci.High, 6);
    }

    [Fact]
    public void One_of_sixty_five_brackets_the_prior()
    {
        var ci = BinomialInterval.ClopperPearson(1, 65);
        Assert.True(ci.Low < 1.0 / 65 && 1.0 / 65 < ci.High);
        Assert.Equal(0.000389, ci.Low, 6);   // Beta(1, 65) quantile 0.025 = 1 − 0.975^(1/65)
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void Bad_counts_are_rejected(long k, long n) =>
        Assert.Throws<ArgumentException>(() => BinomialInterval.ClopperPearson(k, n));
}
