using Privatar.Models.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Layers;

public sealed class WeightNormLayersTests
{
    [Fact]
    public void Should_Normalise_By_The_Whole_Tensor_Frobenius_Norm_With_Per_Output_Gain()
    {
        // Given: W = [[3, 0], [0, 4]] (||W||_F = 5), g = [2, 10], bias = [1, -1]
        using var layer = new LinearWN(2, 2);
        using (no_grad())
        {
            layer.Weight.copy_(tensor(new float[] { 3, 0, 0, 4 }, new long[] { 2, 2 }));
            layer.Gain.copy_(tensor(new float[] { 2, 10 }));
            layer.Bias.copy_(tensor(new float[] { 1, -1 }));
        }

        // When
        using var y = layer.call(tensor(new float[] { 1, 1 }, new long[] { 1, 2 }));

        // Then: row 0 = 3·2/5 = 1.2, row 1 = 4·10/5 = 8 (a per-row norm would give 2 and 10)
        Assert.Equal(new[] { 2.2f, 7f }, y.data<float>().ToArray().Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Should_Keep_The_Original_Parameter_Names_And_Transposed_Layout()
    {
        // Given / When
        using var deconv = new ConvTranspose2dWN(5, 7, 4, 2, 1);
        var shapes = deconv.named_parameters().ToDictionary(p => p.name, p => string.Join("x", p.parameter.shape));

        // Then: weight is [cin, cout, k, k] and g/bias are per output channel
        Assert.Equal("5x7x4x4", shapes["weight"]);
        Assert.Equal("7", shapes["g"]);
        Assert.Equal("7", shapes["bias"]);
    }

    [Fact]
    public void Should_Make_The_Effective_Weight_Equal_W_After_Glorot_And_Copy_Deconv_Phases()
    {
        // Given
        using var deconv = new ConvTranspose2dWN(3, 2, 4, 2, 1);
        using var gen = new Generator(11);

        // When
        Glorot.Init(deconv, 0.2, gen);

        // Then: g = ||W||_F so W_eff = W; the four stride phases share taps; biases are zero; bound respected
        using var eff = deconv.EffectiveWeight();
        Assert.True(eff.allclose(deconv.Weight, rtol: 1e-5, atol: 1e-6));
        using var w = deconv.Weight.detach();
        Assert.Equal(w[.., .., 0, 0].data<float>().ToArray(), w[.., .., 1, 1].data<float>().ToArray());
        Assert.Equal(w[.., .., 2, 1].data<float>().ToArray(), w[.., .., 3, 0].data<float>().ToArray());
        Assert.Equal(0f, deconv.Bias.abs().max().item<float>());
        var bound = Math.Sqrt(2 / 1.04) * Math.Sqrt(2.0 / (5 * 4.0)) * Math.Sqrt(3);
        Assert.True(w.abs().max().item<float>() <= bound + 1e-6);
    }

    [Fact]
    public void Should_Anchor_Camera_Zero_To_The_Identity_And_Freeze_It()
    {
        // Given: a colour correction with camera 1's gain set to 2 and bias to 0.5
        using var cc = new ColorCorrection(3);
        var named = cc.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad()) { named["weight"][0].fill_(2); named["bias"][0].fill_(0.5); }
        using var tex = ones(2, 3, 2, 2);

        // When
        using var y = cc.call(tex, tensor(new long[] { 0, 1 }));

        // Then
        Assert.Equal(1f, y[0].mean().item<float>());
        Assert.Equal(2.5f, y[1].mean().item<float>());
        Assert.False(named["weight_anchor"].requires_grad);
        Assert.False(named["bias_anchor"].requires_grad);
        Assert.Equal(new long[] { 2, 3, 1, 1 }, named["weight"].shape);
    }

    [Fact]
    public void Should_Upsample_By_Four_With_Per_Texel_Bias()
    {
        // Given
        using var up = new ConvUpsample(8, 6, 4, 4, noActivation: true);
        var names = up.named_parameters().Select(p => p.name).ToHashSet();

        // When
        using var y = up.call(zeros(1, 8, 4, 4));

        // Then: zero input and zero init biases give zero output of shape (1, 4, 16, 16)
        Assert.Equal(new long[] { 1, 4, 16, 16 }, y.shape);
        Assert.Contains("conv1.deconv.weight", names);
        Assert.Contains("conv2.bias", names);
        Assert.Equal(new long[] { 1, 4, 16, 16 }, up.named_parameters().Single(p => p.name == "conv2.bias").parameter.shape);
    }
}
