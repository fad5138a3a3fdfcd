using Privatar.Core;
using Privatar.Generators.Pate;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.Pate;

public sealed class SignCompressionTests
{
    public SignCompressionTests() => TorchThreads.One();

    [Fact]
    public void Should_Keep_The_Top_k_Coordinates_As_Signs()
    {
        // Top-2 by magnitude of (0.1, −4, 4, 0.5, −1) are −4 and 4; scaled by 4 they are ∓1, whose signs are certain.
        using var rng = new Generator(5);
        var votes = SignCompression.TopKSign(tensor(new float[] { 0.1f, -4, 4, 0.5f, -1 }), 2, rng);
        Assert.Equal(new float[] { 0, -1, 1, 0, 0 }, votes.data<float>().ToArray());
    }

    [Fact]
    public void Should_Quantise_A_Smaller_Kept_Value_To_An_Unbiased_Stochastic_Sign()
    {
        // Top-2 of (2, −1, 0): 2 → 1 (always +1); −1 → −0.5, +1 with probability (1 − 0.5)/2 = 1/4, so its mean is −0.5.
        using var rng = new Generator(9);
        var g = tensor(new float[] { 2, -1, 0 }).unsqueeze(0).expand(20000, -1);
        var votes = SignCompression.TopKSign(g, 2, rng);
        Assert.All(votes.select(1, 0).data<float>().ToArray(), v => Assert.Equal(1f, v));
        Assert.All(votes.select(1, 2).data<float>().ToArray(), v => Assert.Equal(0f, v));
        Assert.InRange(votes.select(1, 1).mean().ToSingle(), -0.52f, -0.48f);   // 20000 draws: std of the mean ≈ 0.006
    }

    [Fact]
    public void Should_Be_The_Coordinate_Wise_Majority_With_Noise_Off()
    {
        // Three teachers over four coordinates; sums (3, −1, 0, 1).
        var votes = tensor(new float[] { 1, -1, 0, 1, 1, 1, 1, -1, 1, -1, -1, 1 }, [3, 4]);
        using var noise = new PrivacyNoise(NoiseMode.Reproducible, 1);
        Assert.Equal(new float[] { 1, -1, 0, 1 }, SignCompression.Aggregate(votes, 0, 0, noise).data<float>().ToArray());
        Assert.Equal(new float[] { 1, 0, 0, 0 }, SignCompression.Aggregate(votes, 0, 2, noise).data<float>().ToArray());   // |sum| ≥ 2 only
    }
}
