using Privatar.Core;
using Privatar.Generators.Pate;
using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.Pate;

public sealed class ConfidentGnMaxTests
{
    public ConfidentGnMaxTests() => TorchThreads.One();

    [Fact]
    public void Should_Be_The_Plain_Majority_Behind_An_Exact_Threshold_With_Noise_Off()
    {
        // Four queries over three bins; 10 teachers each.
        var hist = tensor(new float[] { 7, 2, 1, 3, 3, 4, 5, 5, 0, 0, 1, 9 }, [4, 3]);
        using var noise = new PrivacyNoise(NoiseMode.Reproducible, 1);
        var (answered, winner) = ConfidentGnMax.Aggregate(hist, 0, 0, 5, noise);
        Assert.Equal(new long[] { 0, 2, 0, 2 }, winner.data<long>().ToArray());               // a tie goes to the lower bin
        Assert.Equal(new[] { true, false, true, true }, answered.data<bool>().ToArray());      // max counts 7, 4, 5, 9 against 5
    }

    [Fact]
    public void Should_Draw_Its_Noise_From_The_Seed()
    {
        var hist = tensor(new float[] { 6, 4, 5, 5 }, [2, 2]);
        (bool[], long[]) Run(ulong seed)
        {
            using var noise = new PrivacyNoise(NoiseMode.Reproducible, seed);
            var (a, w) = ConfidentGnMax.Aggregate(hist, 3, 2, 5, noise);
            return (a.data<bool>().ToArray(), w.data<long>().ToArray());
        }
        var (a, b) = (Run(4), Run(4));
        Assert.Equal(a.Item1, b.Item1);
        Assert.Equal(a.Item2, b.Item2);
    }
}
