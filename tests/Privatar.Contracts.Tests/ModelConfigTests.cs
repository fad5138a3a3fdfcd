using Privatar.Contracts;
using Xunit;

namespace Privatar.Contracts.Tests;

public class ModelConfigTests
{
    /// <summary>Every variant of the one list: its id, result names and checkpoint form parse back to the same configuration.</summary>
    [Fact]
    public void Every_variant_round_trips_through_its_id_and_result_names()
    {
        Assert.Equal(Enum.GetValues<VaeVariant>().Length, ModelVariants.All.Count);
        foreach (var info in ModelVariants.All)
        {
            var m = ModelConfig.Of(info.Variant, info.Parameter == VariantParameter.Ratio ? 0.5 : 8);
            Assert.Equal(m, ModelConfig.ParseId(m.Id));
            Assert.Equal(m, ModelConfig.ParseResult(m.ResultVariant, m.ResultConfig));
            Assert.Equal(m, ModelConfig.Parse(m.VariantName, m.Bits, m.Ratio, m.Offloaded));
            Assert.Equal(info.Variant, ModelVariants.Parse(info.Name));
            Assert.Equal($"train.{info.Name}_max_iter", m.MaxIterKey);
        }
    }

    [Fact]
    public void Ids_are_the_units_and_folders_of_the_pipeline()
    {
        Assert.Equal(["baseline", "quantization_bits8", "sparse_ratio0.5", "partition_n2", "partition_n8"],
            ModelConfig.Expand(["baseline", "quantization", "sparse", "partition"], key => key switch
            {
                "train.quantization_bits" => "8", "train.sparse_ratios" => "0.5", "train.partition_n" => "2, 8", _ => throw new KeyNotFoundException(key),
            }).Select(m => m.Id));
        Assert.Equal("sparsity", ModelConfig.ParseId("sparse_ratio0.5").ResultVariant);
    }

    [Fact]
    public void The_baseline_comes_first_and_a_swept_variant_needs_its_value()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelConfig.Expand(["partition", "baseline"], _ => "2"));
        Assert.Contains("'baseline' must come first", e.Message);
        Assert.Contains("needs its n value", Assert.Throws<ArgumentException>(() => ModelConfig.Of(VaeVariant.Partition, null)).Message);
        Assert.Contains("expected a model id", Assert.Throws<ArgumentException>(() => ModelConfig.ParseId("partition_x8")).Message);
    }
}
