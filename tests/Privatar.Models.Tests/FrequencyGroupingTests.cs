using Xunit;

namespace Privatar.Models.Tests;

public sealed class FrequencyGroupingTests
{
    // n_off -> (offloaded list, local ratio, offloaded ratio, enc local in-ch, enc offload in-ch), the reference's §3.5 table.
    public static TheoryData<int, int[], int, int, int, int> Table => new()
    {
        { 2, new[] { 15, 14 }, 15, 1, 42, 6 },
        { 4, new[] { 15, 14, 11, 13 }, 14, 2, 36, 12 },
        { 6, new[] { 15, 14, 11, 13, 10, 7 }, 13, 3, 30, 18 },
        { 8, new[] { 15, 14, 11, 13, 10, 7, 12, 9 }, 12, 4, 24, 24 },
        { 10, new[] { 15, 14, 11, 13, 10, 7, 12, 9, 3, 6 }, 11, 5, 18, 30 },
        { 12, new[] { 15, 14, 11, 13, 10, 7, 12, 9, 3, 6, 8, 5 }, 9, 7, 12, 36 },
        { 14, new[] { 15, 14, 11, 13, 10, 7, 12, 9, 3, 6, 8, 5, 2, 4 }, 7, 9, 6, 42 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Should_Match_The_Reference_Component_Table(int n, int[] offloaded, int localRatio, int offRatio, int encLocal, int encOff)
    {
        // When
        var g = FrequencyGrouping.For(n);

        // Then
        Assert.Equal(offloaded, g.OffloadedComponents);
        Assert.Equal(Enumerable.Range(0, 16).Except(offloaded).Order(), g.LocalComponents);
        Assert.Equal((localRatio, offRatio), (g.LocalRatio, g.OffloadedRatio));
        Assert.Equal((encLocal, encOff), (g.LocalEncoderChannels, g.OffloadedEncoderChannels));
        Assert.Equal((3 * localRatio, 3 * offRatio), (g.LocalDecoderChannels, g.OffloadedDecoderChannels));
    }

    [Fact]
    public void Should_Compute_The_Reference_Group_Importances()
    {
        var g = FrequencyGrouping.For(2);
        Assert.Equal(new[] { 0.941, 1.033, 1.130, 1.211, 1.302, 1.543, 1.991, 7.348 }, g.GroupImportance.Select(v => Math.Round(v, 3)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16)]
    public void Should_Reject_Counts_That_Are_Not_Even_In_2_To_14(int n)
    {
        var e = Assert.Throws<ArgumentException>(() => FrequencyGrouping.For(n));
        Assert.Contains("num_freq_comp_offloaded", e.Message);
    }
}
