using Privatar.Generators.DpMerf;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.DpMerf;

public sealed class RandomFourierFeaturesTests
{
    [Fact]
    public void Should_Approximate_The_Exact_Gaussian_Kernel()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(7);
        var x = rand([8, 16], dtype: ScalarType.Float64, generator: g);   // pairwise ‖x − y‖² ≈ 2.7, so k spans ~0.2..1
        using var rff = new RandomFourierFeatures(16, 40_000, 1.0, 3, ScalarType.Float64);
        var phi = rff.Map(x);
        var approx = phi.mm(phi.t());
        var exact = rff.ExactKernel(x, x);
        // each entry is a mean of D/2 = 20000 bounded terms: its std is below 1/√20000 ≈ 0.007
        Assert.True((approx - exact).abs().max().ToDouble() < 0.03, $"max |φφᵀ − K| = {(approx - exact).abs().max().ToDouble()}");
        Assert.True(exact.min().ToDouble() < 0.5, "the points must not all sit at kernel value ≈ 1 for this to test anything");
    }

    [Fact]
    public void Should_Map_Every_Input_To_A_Unit_Vector()
    {
        using var scope = NewDisposeScope();
        using var rff = new RandomFourierFeatures(784, 100, 105, 1, ScalarType.Float64);
        var norms = rff.Map(rand([5, 1, 28, 28], dtype: ScalarType.Float64)).norm(1);
        Assert.True((norms - 1).abs().max().ToDouble() < 1e-12);
    }

    [Fact]
    public void Should_Refuse_An_Odd_Feature_Count()
    {
        var e = Assert.Throws<ArgumentException>(() => new RandomFourierFeatures(4, 11, 1, 1));
        Assert.Contains("even", e.Message);
    }
}
