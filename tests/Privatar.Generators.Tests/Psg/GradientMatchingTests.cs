using Privatar.Generators.Psg;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.Psg;

public sealed class GradientMatchingTests
{
    [Fact]
    public void Should_Sum_One_Minus_Cosine_Over_Output_Rows_And_Ignore_Biases()
    {
        using var scope = NewDisposeScope();
        // Linear weight (2, 2): row 0 identical (cos 1), row 1 (1, 1) vs (0, 1) (cos 1/√2).
        var synW = tensor(new double[] { 1, 0, 1, 1 }, [2, 2]);
        var realW = tensor(new double[] { 2, 0, 0, 1 }, [2, 2]);
        // Conv weight (2, 1, 1, 2) viewed as (2, 2): row 0 (1, 0) vs (0, 3) (cos 0), row 1 (1, 2) vs (−1, −2) (cos −1).
        var synC = tensor(new double[] { 1, 0, 1, 2 }, [2, 1, 1, 2]);
        var realC = tensor(new double[] { 0, 3, -1, -2 }, [2, 1, 1, 2]);
        var synB = tensor(new double[] { 5, -5 });
        var realB = tensor(new double[] { 1, 1 });

        var d = GradientMatching.Distance([synW, synB, synC], [realW, realB, realC]).ToDouble();
        // By hand: (1 − 2/(2 + 1e-6)) + (1 − 1/(√2 + 1e-6)) + (1 − 0) + (1 − (−5)/(5 + 1e-6)); biases add 0.
        var expected = (1 - 2 / (2 + 1e-6)) + (1 - 1 / (Math.Sqrt(2) + 1e-6)) + 1 + (1 + 5 / (5 + 1e-6));
        Assert.Equal(expected, d, 12);
        Assert.Equal(3.2928940188, d, 9);   // the same sum evaluated in python3
    }

    [Fact]
    public void Should_Name_Mismatched_Shapes()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => GradientMatching.Distance([zeros(2, 3)], [zeros(3, 2)]));
        Assert.Contains("(2, 3)", e.Message);
    }
}
