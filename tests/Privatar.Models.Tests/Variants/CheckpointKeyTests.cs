using Privatar.Models.Variants;
using Xunit;

namespace Privatar.Models.Tests.Variants;

/// <summary>State-dict keys follow the original modules, so a converted checkpoint (minus "module.") maps one-to-one.</summary>
public sealed class CheckpointKeyTests
{
    [Fact]
    public void Should_Name_Baseline_Parameters_Like_The_Original()
    {
        using var model = new DeepAppearanceVae(VaeConfig.Full);
        var keys = model.state_dict().Keys.ToHashSet();

        // enc: 4 stages x 2 convs x (weight, bias, g) + 3 LinearWN x 3 = 33; dec: 4 LinearWN x 3 + 8 deconvs x 4 = 44; cc: 4
        Assert.Equal(81, keys.Count);
        Assert.Contains("enc.texture_encoder.downsample.3.conv2.g", keys);
        Assert.Contains("enc.fc.weight", keys);
        Assert.Contains("dec.texture_decoder.upsample.3.conv2.deconv.weight", keys);
        Assert.Contains("dec.texture_decoder.upsample.0.conv1.bias", keys);
        Assert.Contains("cc.weight_anchor", keys);
    }

    [Fact]
    public void Should_Name_Partition_Parameters_Like_The_Original()
    {
        using var model = new PartitionedVae(VaeConfig.Full, 4);
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("enc_offloaded.texture_encoder.downsample.0.conv1.weight", keys);
        Assert.Contains("dec.texture_decoder_local.upsample.2.conv2.deconv.g", keys);
        Assert.Contains("dec.texture_decoder_offload.upsample.0.conv1.bias", keys);
        Assert.Contains("dec.z_fc_offload.weight", keys);
        Assert.Contains("dec.texture_fc_offload.g", keys);
        Assert.DoesNotContain(keys, k => k.Contains("downsample.3"));
    }
}
