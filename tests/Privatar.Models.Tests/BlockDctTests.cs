using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests;

public sealed class BlockDctTests
{
    /// <summary>D[u,v] = (1/√8) a_u a_v Σ_y Σ_x cos((2y+1)uπ/8) cos((2x+1)vπ/8) B[y,x], written out with loops.</summary>
    static double Reference(double[,] image, int by, int bx, int u, int v)
    {
        double a(int k) => k == 0 ? Math.Sqrt(0.5) : 1.0;
        var sum = 0.0;
        for (var y = 0; y < 4; y++)
            for (var x = 0; x < 4; x++)
                sum += Math.Cos((2 * y + 1) * u * Math.PI / 8) * Math.Cos((2 * x + 1) * v * Math.PI / 8) * image[4 * by + y, 4 * bx + x];
        return a(u) * a(v) * sum / Math.Sqrt(8);
    }

    [Fact]
    public void Should_Match_A_Direct_Loop_Computation_Per_Block_Frequency_And_Colour()
    {
        // Given: a random (1, 3, 8, 12) image in double precision
        manual_seed(3);
        using var x = randn(1, 3, 8, 12, dtype: float64);
        var values = x.data<double>().ToArray();

        // When
        using var d = BlockDct.Forward(x);   // (1, 16, 3, 2, 3)

        // Then: every coefficient equals the loop formula, with k = 4u + v
        Assert.Equal(new long[] { 1, 16, 3, 2, 3 }, d.shape);
        var got = d.data<double>().ToArray();
        for (var c = 0; c < 3; c++)
        {
            var img = new double[8, 12];
            for (var r = 0; r < 8; r++) for (var q = 0; q < 12; q++) img[r, q] = values[c * 96 + r * 12 + q];
            for (var k = 0; k < 16; k++)
                for (var by = 0; by < 2; by++)
                    for (var bx = 0; bx < 3; bx++)
                        Assert.Equal(Reference(img, by, bx, k / 4, k % 4), got[((k * 3 + c) * 2 + by) * 3 + bx], 10);
        }
    }

    [Fact]
    public void Should_Return_Half_The_Input_On_A_Round_Trip_And_Scale_DC_By_Two_Root_Two()
    {
        // Given
        manual_seed(4);
        using var x = randn(2, 3, 16, 16, dtype: float64);

        // When
        using var d = BlockDct.Forward(x);
        using var back = BlockDct.Inverse(d);
        using var flatBack = BlockDct.Inverse(d.reshape(2, 48, 4, 4));

        // Then: the original's non-orthonormal scale, kept on purpose
        Assert.True(back.allclose(x * 0.5, atol: 1e-12));
        Assert.True(flatBack.allclose(back, atol: 1e-12));
        using var blockMean = x[0, 0, TensorIndex.Slice(0, 4), TensorIndex.Slice(0, 4)].mean();
        Assert.Equal(2 * Math.Sqrt(2) * blockMean.item<double>(), d[0, 0, 0, 0, 0].item<double>(), 10);
    }

    [Fact]
    public void Should_Lay_Channels_Out_As_Three_K_Plus_Colour_When_Selecting()
    {
        // Given
        using var d = arange(16 * 3, dtype: float32).reshape(1, 16, 3, 1, 1);

        // When
        using var picked = BlockDct.Select(d, new[] { 15, 2 });

        // Then: [k15 r, k15 g, k15 b, k2 r, k2 g, k2 b]
        Assert.Equal(new float[] { 45, 46, 47, 6, 7, 8 }, picked.data<float>().ToArray());
    }
}
