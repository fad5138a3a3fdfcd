using MathNet.Numerics.LinearAlgebra;
using Privatar.Synthesis.Metrics;

namespace Privatar.Synthesis.Tests.Metrics;

public sealed class PrdcTests
{
    static Matrix<double> Points(params double[] xs) => Matrix<double>.Build.Dense(xs.Length, 1, (r, _) => xs[r]);

    [Fact]
    public void Should_Match_Hand_Computed_Values_In_One_Dimension()
    {
        // real {0, 1, 3}, k = 1: radii 1, 1, 2. generated {0.5, 10}: radii 9.5, 9.5.
        // precision: 0.5 lies in the balls of 0 and 1, 10 in none → 1/2.
        // recall: 0, 1, 3 all lie within 9.5 of 0.5 → 1.
        // density: 0.5 is in two real balls, 10 in none → (2 + 0) / (1·2) = 1.
        // coverage: nearest generated point of 0 and 1 is 0.5 (< 1), of 3 it is 0.5 at 2.5 (not < 2) → 2/3.
        var r = Prdc.Compute(Points(0, 1, 3), Points(0.5, 10), k: 1);
        Assert.Equal(0.5, r.Precision, 12);
        Assert.Equal(1.0, r.Recall, 12);
        Assert.Equal(1.0, r.Density, 12);
        Assert.Equal(2.0 / 3, r.Coverage, 12);
    }

    [Fact]
    public void Should_Match_Hand_Computed_Values_In_Two_Dimensions_With_K_Two()
    {
        // real: the unit square's corners; each one's 2nd nearest neighbour is 1 away, so every real radius is 1.
        // generated: (0.5, 0.5) and (0.5, 0.6) near the centre, and (5, 5) far off.
        var real = Matrix<double>.Build.DenseOfRowArrays([0, 0], [1, 0], [0, 1], [1, 1]);
        var fake = Matrix<double>.Build.DenseOfRowArrays([0.5, 0.5], [5, 5], [0.5, 0.6]);
        var r = Prdc.Compute(real, fake, k: 2);
        // generated radii (2nd neighbour): (0.5, 0.5) → 6.364 (to (5, 5)), (0.5, 0.6) → 6.293, (5, 5) → 6.364.
        // precision: the centre points are within 0.707 / 0.64-0.78 < 1 of some corner; (5,5) is not → 2/3.
        Assert.Equal(2.0 / 3, r.Precision, 12);
        // recall: every corner is within ~6.3 of a centre point → 1.
        Assert.Equal(1.0, r.Recall, 12);
        // density: the centre is inside all four corner balls (0.707 < 1); (0.5, 0.6) is at √(0.25+0.36)=0.781 from (0,0)
        // and (1,0), √(0.25+0.16)=0.640 from (0,1) and (1,1): also all four → (4 + 4 + 0) / (2·3) = 4/3.
        Assert.Equal(4.0 / 3, r.Density, 12);
        // coverage: every corner has a generated point within 1 → 1.
        Assert.Equal(1.0, r.Coverage, 12);
    }

    [Fact]
    public void Should_Give_Full_Scores_For_Identical_Sets_Apart_From_Density()
    {
        var x = Matrix<double>.Build.DenseOfRowArrays([0, 0], [1, 0], [0, 2], [3, 3], [4, 1]);
        var r = Prdc.Compute(x, x.Clone(), k: 2);
        Assert.Equal(1.0, r.Precision);
        Assert.Equal(1.0, r.Recall);
        Assert.Equal(1.0, r.Coverage);
    }

    [Fact]
    public void Should_Find_Kth_Neighbour_Distances_Across_Blocks()
    {
        // more rows than one distance block, so radii cross block boundaries: points 0, 1, 2, ... on a line
        var n = Prdc.BlockRows + 37;
        var radii = Prdc.KthNeighbourDistances(Points([.. Enumerable.Range(0, n).Select(i => (double)i)]), 3);
        Assert.Equal(3.0, radii[0], 9);          // 1, 2, 3 to the right
        Assert.Equal(2.0, radii[n / 2], 9);      // 1, 1, 2 either side
        Assert.Equal(3.0, radii[n - 1], 9);
    }

    [Fact]
    public void Should_Reject_K_Not_Below_Both_Sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Prdc.Compute(Points(0, 1, 2), Points(0, 1), k: 2));
        Assert.Contains("k = 2", e.Message);
    }
}
