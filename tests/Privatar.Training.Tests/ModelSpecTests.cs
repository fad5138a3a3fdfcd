using Privatar.Models;
using Privatar.Results;
using Xunit;
using Privatar.Contracts;

namespace Privatar.Training.Tests;

public sealed class ModelSpecTests
{
    [Fact]
    public void Expand_follows_the_variant_order_and_lists()
    {
        var specs = ModelSpec.Expand(["baseline", "quantization", "sparse", "partition", "direct_split", "freq_decompose"], [8, 16], [0.5], [2, 14]);
        Assert.Equal(["baseline", "quantization_bits8", "quantization_bits16", "sparse_ratio0.5", "partition_n2", "partition_n14", "direct_split", "freq_decompose"],
                     specs.Select(s => s.Id));
    }

    [Fact]
    public void Result_names_use_the_result_vocabulary()
    {
        var sparse = new ModelSpec(VaeVariant.Sparse, Ratio: 0.2);
        Assert.Equal(("sparsity", "ratio0.2", (int?)null), (sparse.ResultVariant, sparse.ResultConfig, sparse.ResultN));
        var part = new ModelSpec(VaeVariant.Partition, Offloaded: 8);
        Assert.Equal(("partition", "n8", (int?)8), (part.ResultVariant, part.ResultConfig, part.ResultN));
        Assert.Equal(16, new ModelSpec(VaeVariant.DirectSplit).ResultN);
        Assert.Equal("frequency_decompose", new ModelSpec(VaeVariant.FreqDecompose).ResultVariant);
        foreach (var s in ModelSpec.Expand(["baseline", "direct_split", "quantization", "sparse", "freq_decompose", "partition"], [8], [0.3], [4]))
            Assert.Contains(s.ResultVariant, Vocabulary.Variants);
    }

    [Fact]
    public void Parse_names_the_missing_option()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelSpec.Parse("partition", null, null, null));
        Assert.Contains("--n", e.Message);
        Assert.Equal(new ModelSpec(VaeVariant.Quantization, Bits: 12), ModelSpec.Parse("quantization", 12, null, null));
        Assert.Throws<ArgumentException>(() => ModelSpec.Parse("quantisation", 8, null, null));
    }
}
