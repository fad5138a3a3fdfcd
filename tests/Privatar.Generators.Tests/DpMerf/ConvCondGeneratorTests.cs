using Privatar.Generators.DpMerf;
using Privatar.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.DpMerf;

/// <summary>
/// The generator's convolutions (16 → 8 and 8 → 1 channels, both off oneDNN's 16-channel block) run on channels-last
/// inputs. Pinned against float64, which never takes the oneDNN path, over calls with NaN-filled memory: the NCHW
/// float32 path reads lanes nobody wrote for such channel counts.
/// </summary>
public sealed class ConvCondGeneratorTests
{
    [Fact]
    public void Should_Match_Float64_Outputs_And_Gradients_Even_With_Stale_Memory()
    {
        // Given: the paper's generator, a batch of codes and labels, and a fixed upstream gradient
        random.manual_seed(11);
        using var g = new ConvCondGenerator(5, 200, 16, 8, 5);
        using var gen = new Generator(3);
        using var code = randn([8, 5], dtype: float64, generator: gen);
        using var labels = arange(8, dtype: ScalarType.Int64) % 10;
        using var upstream = randn([8, 1, 28, 28], dtype: float64, generator: gen);
        g.train();

        (Tensor Y, Tensor[] Grads) Run(ScalarType dtype)
        {
            g.to(dtype);
            g.zero_grad();
            StaleMemory.Poison();
            var y = g.call(code.to(dtype), labels);
            StaleMemory.Poison();
            y.backward([upstream.to(dtype)]);
            return (y.detach().to(float64), g.parameters().Select(p => p.grad!.to(float64)).ToArray());
        }

        // When
        using var scope = NewDisposeScope();
        var (ry, rg) = Run(float64);

        // Then
        for (var call = 0; call < 3; call++)
        {
            var (y, grads) = Run(float32);
            Assert.True(y.allclose(ry, rtol: 1e-3, atol: 1e-4), $"call {call}: output differs from float64 by {(y - ry).abs().max().item<double>()}");
            for (var i = 0; i < grads.Length; i++)
                Assert.True(grads[i].allclose(rg[i], rtol: 1e-3, atol: 1e-3),
                    $"call {call}, parameter {i}: gradient differs from float64 by {(grads[i] - rg[i]).abs().max().item<double>()}");
        }
    }
}
