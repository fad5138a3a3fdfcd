using Privatar.Generators.Pate;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.Pate;

public sealed class GradientProjectionTests
{
    public GradientProjectionTests() => TorchThreads.One();

    // P picks coordinates 0, 2 and 1 of a 4-pixel gradient: k = 3, D = 4.
    static GradientProjection Picker(int bins = 4, double range = 1) =>
        new(tensor(new float[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0 }, [3, 4]), bins, range);

    [Fact]
    public void Should_Project_The_Unit_Direction_Of_A_Fixed_Gradient()
    {
        using var p = Picker();
        // g = (−3, 0, 4, 0): ‖g‖ = 5, direction (−0.6, 0, 0.8, 0); P picks (g0, g2, g1) = (−0.6, 0.8, 0).
        var projected = p.Project(tensor(new float[] { -3, 0, 4, 0 }, [1, 4]));
        Assert.Equal(new[] { -0.6f, 0.8f, 0f }, projected.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Should_Discretise_Into_Equal_Bins_With_Outliers_In_The_End_Bins()
    {
        using var p = Picker();
        // 4 bins over [−1, 1], width 0.5: [−1, −.5) [−.5, 0) [0, .5) [.5, 1]; −0.6 → 0, 0.8 → 3, 0 → 2, 5 → 3, −5 → 0, 0.49 → 2.
        var bins = p.Discretise(tensor(new float[] { -0.6f, 0.8f, 0f, 5f, -5f, 0.49f }));
        Assert.Equal(new long[] { 0, 3, 2, 3, 0, 2 }, bins.data<long>().ToArray());
        Assert.Equal(new[] { -0.75f, -0.25f, 0.25f, 0.75f }, p.Centres(tensor(new long[] { 0, 1, 2, 3 })).data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Should_Count_One_Vote_Per_Teacher_In_Each_Sample_And_Dimension()
    {
        using var p = Picker();
        // 3 teachers, 1 sample, k = 3: bins (T, B, k).
        var bins = tensor(new long[] { 0, 3, 2, 0, 3, 1, 1, 3, 2 }, [3, 1, 3]);
        var hist = p.Histograms(bins);
        Assert.Equal(new long[] { 1, 3, 4 }, hist.shape);
        Assert.Equal(new float[] { 2, 1, 0, 0, 0, 0, 0, 3, 0, 1, 2, 0 }, hist.data<float>().ToArray());
    }

    [Fact]
    public void Should_Back_Project_By_The_Transpose_Over_k()
    {
        using var p = Picker();
        // Pᵀ(1, 2, 3) = (1, 3, 2, 0); over k = 3.
        var back = p.BackProject(tensor(new float[] { 1, 2, 3 }, [1, 3]));
        Assert.Equal(new[] { 1 / 3f, 1f, 2 / 3f, 0f }, back.data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float v) => 0;
    }
}
