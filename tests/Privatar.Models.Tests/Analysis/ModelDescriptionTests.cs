using Privatar.Models.Analysis;
using Privatar.Models.Variants;
using Xunit;
using Privatar.Contracts;

namespace Privatar.Models.Tests.Analysis;

/// <summary>
/// Full-size (1024², 7306 verts, z 256, 38 cams) parameter counts, derived by hand from the layer tables:
/// LinearWN(i,o) = i·o + 2o; Conv2dWN(ci,co,4) = 16·ci·co + 2co; DeconvTexelBias(ci,co,S) = 16·ci·co + 2co + co·S²;
/// ColorCorrection(38) = 2·37·3 + 6. Baseline total 24,313,806 ≈ 97.3 MB of float32, the size of the
/// original's 97 MB pretrained checkpoint.
/// </summary>
public sealed class ModelDescriptionTests
{
    static ModelDescription Describe(AvatarVae m) { using (m) return ModelDescription.Of(m); }

    [Fact]
    public void Should_Count_The_Baseline_Like_The_Architecture_Table()
    {
        var d = Describe(new DeepAppearanceVae(VaeConfig.Full));
        Assert.Equal(6_921_408, d.Parameters["encoder"]);
        Assert.Equal(17_392_170, d.Parameters["decoder"]);
        Assert.Equal(228, d.Parameters["color_correction"]);
        Assert.Equal(24_313_806, d.TotalParameters);
    }

    [Fact]
    public void Should_Count_Direct_Split_Freq_Decompose_And_Quantization()
    {
        var ds = Describe(new DirectSplitVae(VaeConfig.Full));
        Assert.Equal((6_922_432L, 17_392_170L, 24_314_830L), (ds.Parameters["encoder"], ds.Parameters["decoder"], ds.TotalParameters));
        var fd = Describe(new FrequencyDecomposedVae(VaeConfig.Full));
        Assert.Equal((6_982_080L, 12_537_732L, 19_520_040L), (fd.Parameters["encoder"], fd.Parameters["decoder"], fd.TotalParameters));
        var q = Describe(new DeepAppearanceVae(VaeConfig.Full, VaeVariant.Quantization, quantBits: 8));
        Assert.Equal(24_313_806, q.TotalParameters);   // fake quantization keeps fp32 storage
    }

    [Theory]
    [InlineData(0.2, 15_923_664, 22_845_300)]
    [InlineData(0.5, 13_576_906, 20_498_542)]
    [InlineData(0.8, 11_660_098, 18_581_734)]
    public void Should_Count_The_Genuinely_Smaller_Pruned_Decoder(double ratio, long decoder, long total)
    {
        var stages = ChannelPruning.PrunedStages(Privatar.Models.Layers.DecoderTables.Texture(256), ratio);
        var d = Describe(new DeepAppearanceVae(VaeConfig.Full, VaeVariant.Sparse, stages));
        Assert.Equal((decoder, total), (d.Parameters["decoder"], d.TotalParameters));
    }

    [Theory]
    [InlineData(2, 6_977_472, 6_949_824, 12_235_330, 2_501_378, 28_664_232)]
    [InlineData(8, 6_963_648, 6_963_648, 11_336_956, 3_351_176, 28_615_656)]
    [InlineData(14, 6_949_824, 6_977_472, 9_869_106, 4_796_946, 28_593_576)]
    public void Should_Count_The_Partition_Per_Side(int n, long encLocal, long encOff, long decLocal, long decOff, long total)
    {
        var d = Describe(new PartitionedVae(VaeConfig.Full, n));
        Assert.Equal(encLocal, d.Parameters["encoder"]);
        Assert.Equal(encOff, d.Parameters["encoder_offload"]);
        Assert.Equal(decLocal, d.Parameters["decoder_local"]);
        Assert.Equal(decOff, d.Parameters["decoder_offload"]);
        Assert.Equal(total, d.TotalParameters);
    }

    [Theory]
    [InlineData(2, 6.07)]
    [InlineData(14, 1.48)]
    public void Should_Reproduce_The_Readme_Headset_Flops_Within_Two_Percent(int n, double readmeGiga)
    {
        var d = Describe(new PartitionedVae(VaeConfig.Full, n));
        var giga = d.HeadsetDecoder.ProfilerFlops / 1e9;
        Assert.InRange(giga, readmeGiga * 0.98, readmeGiga * 1.02);
    }

    [Fact]
    public void Should_Report_True_Macs_As_A_Quarter_Of_The_Profiler_Deconv_Count()
    {
        // n = 14: local linear MACs 6,760,472 (3·8 + 256·256 + 256·21918 + 264·4096), deconv profiler MACs 725,866,496.
        var d = Describe(new PartitionedVae(VaeConfig.Full, 14));
        Assert.Equal(6_760_472 + 725_866_496 / 4, d.HeadsetDecoder.TrueMacs);
        Assert.Equal(1_481_183_776, d.HeadsetDecoder.ProfilerFlops);
    }
}
