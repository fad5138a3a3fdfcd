using Xunit;

namespace Privatar.Noise.Tests;

public sealed class NoiseCsvTests
{
    [Fact]
    public void PsrTable_Should_List_The_Prior_Used_And_The_Originals_Value()
    {
        var settings = new NoiseSettings([1, 0.5], Classes: 65, NoiseFidelity.Corrected, DpClipBound: 20);
        var lines = NoiseCsv.PsrTable(settings.PsrTable()).Split('\n');
        Assert.Equal(NoiseCsv.PsrHeader, lines[0]);
        Assert.StartsWith("1,65,0.015384615384615385,0.39838782", lines[1]);
        Assert.EndsWith(",false,0.4", lines[1]);
        Assert.EndsWith(",false,", lines[2]);
    }

    [Fact]
    public void DpRow_Should_Have_A_Field_Per_Header_Column()
    {
        var latents = new double[,] { { 3, 4 }, { 0, 0 } };
        var r = DpNoise.Compute(latents, 1, new DpNoiseOptions(NoiseFidelity.Original, 65, 20));
        var row = NoiseCsv.DpRow(NoiseTarget.Offloaded(14), r);
        Assert.Equal(NoiseCsv.DpHeader.Split(',').Length, row.Split(',').Length);
        Assert.StartsWith("partition_14_offloaded,1,original,0.4,0.017857142857142856,2,5,", row);
    }

    [Fact]
    public void ClipRows_Should_Scale_Only_Rows_Outside_The_Ball()
    {
        var clipped = LatentStatistics.ClipRows(new double[,] { { 3, 4 }, { 0.3, 0.4 } }, bound: 1);
        Assert.Equal(0.6, clipped[0, 0], 12);
        Assert.Equal(0.8, clipped[0, 1], 12);
        Assert.Equal(0.3, clipped[1, 0]); // inside the ball: untouched, bit for bit
        Assert.Equal(0.4, clipped[1, 1]);
        Assert.Throws<ArgumentException>(() => LatentStatistics.ClipRows(new double[1, 1], 0));
    }
}
