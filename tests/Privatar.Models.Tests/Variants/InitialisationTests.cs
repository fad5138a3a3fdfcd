using Privatar.Contracts;
using Privatar.Models.Tests.Fixtures;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Variants;

/// <summary>
/// Layers allocate their weights with empty() and rely on InitWeights to fill them. A parameter it misses keeps
/// whatever the allocator hands back, which is zero on fresh pages and garbage once memory is recycled, so a miss
/// shows up only now and then. Recycling poisoned memory first makes such a miss fail every time.
/// </summary>
public sealed class InitialisationTests
{
    /// <summary>Every variant of the one list (Privatar.Contracts ModelVariants): a new one is built here without editing this test.</summary>
    public static TheoryData<string> Variants => new(ModelVariants.All.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Variants))]
    public void Should_Initialise_Every_Parameter_Whatever_The_Allocator_Returns(string variant)
    {
        // Given: freed blocks full of NaN, the sizes the model's layers ask for
        var cfg = Tiny.Config(Fidelity.Corrected);
        for (var i = 0; i < 4; i++)
            using (var poison = full(new long[] { 1 << 22 }, float.NaN)) { }
        for (var size = 16L; size <= 1 << 20; size *= 2)
            using (var poison = full(new long[] { size }, float.NaN)) { }

        // When
        using var model = Vae.Create(Vae.ParseVariant(variant), cfg, seed: 3, offloaded: 8);

        // Then
        var bad = model.named_parameters().Where(p => !isfinite(p.parameter).all().item<bool>()).Select(p => p.name).ToList();
        Assert.Empty(bad);
    }
}
