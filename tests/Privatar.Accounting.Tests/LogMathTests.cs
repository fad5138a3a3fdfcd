using MathNet.Numerics;
using Privatar.Accounting;
using Xunit;

namespace Privatar.Accounting.Tests;

public class LogMathTests
{
    [Fact]
    public void LogAddAndSubInvertEachOther()
    {
        Assert.Equal(Math.Log(5), LogMath.LogAdd(Math.Log(2), Math.Log(3)), 1e-15);
        Assert.Equal(Math.Log(2), LogMath.LogSub(Math.Log(5), Math.Log(3)), 1e-14);
        Assert.Equal(1000 + Math.Log(2), LogMath.LogAdd(1000, 1000), 1e-12);
        Assert.Equal(double.NegativeInfinity, LogMath.LogSub(7, 7));
        Assert.Equal(3.0, LogMath.LogAdd(double.NegativeInfinity, 3.0));
        Assert.Throws<ArithmeticException>(() => LogMath.LogSub(1, 2));
    }

    [Fact]
    public void Log1pAndExpm1KeepSmallArguments()
    {
        Assert.Equal(1e-12 - 5e-25, LogMath.Log1p(1e-12), 1e-27);
        Assert.Equal(1e-12 + 5e-25, LogMath.Expm1(1e-12), 1e-27);
        Assert.Equal(Math.Exp(0.3) - 1, LogMath.Expm1(0.3), 15);
        Assert.Equal(Math.Log(1.7), LogMath.Log1p(0.7), 15);
    }

    [Fact]
    public void LogErfcIsContinuousAcrossTheAsymptoticSwitch()
    {
        // Below 20 the library erfc, above it the asymptotic series: both sides must join smoothly.
        double below = LogMath.LogErfc(20.0), above = LogMath.LogErfc(20.0 + 1e-9);
        double slope = -2 * 20.0 - 1 / 20.0; // d/dx log erfc(x) ≈ −2x − 1/x
        Assert.Equal(below + slope * 1e-9, above, Math.Abs(below) * 1e-13);
        // Where the library erfc still works (x = 25), the series must agree with it.
        double series = -625 - Math.Log(25) - 0.5 * Math.Log(Math.PI) + Math.Log(1 - 1 / 1250.0 + 3 / (4 * Math.Pow(25, 4)) - 15 / (8 * Math.Pow(25, 6)));
        Assert.Equal(Math.Log(SpecialFunctions.Erfc(25)), series, 1e-10);
        Assert.Equal(Math.Log(2 - SpecialFunctions.Erfc(3)), LogMath.LogErfc(-3), 15);
        Assert.Equal(Math.Log(0.157299207050285130658779364917), LogMath.LogErfc(1), 14);
    }
}
