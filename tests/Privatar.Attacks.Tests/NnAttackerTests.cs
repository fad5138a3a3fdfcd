using Privatar.Attacks;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Attacks.Tests;

public class NnAttackerTests
{
    static (Tensor X1, Tensor Y1, Tensor X2, Tensor Y2) TwoBatches()
    {
        random.manual_seed(3);
        return (randn(1, 8), tensor(new long[] { 0 }), randn(1, 8), tensor(new long[] { 2 }));
    }

    /// <summary>The gradient of the CE loss on (x, y) at the net's current weights, for fc1's weight.</summary>
    static float[] Gradient(AttackerNet net, Tensor x, Tensor y)
    {
        foreach (var p in net.parameters()) p.grad?.zero_();
        using var loss = nn.functional.cross_entropy(net.call(x), y);
        loss.backward();
        var g = net.parameters().First().grad!.data<float>().ToArray();
        foreach (var p in net.parameters()) p.grad?.zero_();
        return g;
    }

    // A learning rate far below float32 resolution: the weights do not move, so both steps see the same weights and
    // the gradient buffer after two steps is exactly g1 + g2 (never zeroed) or g2 (zeroed each step).
    static float[] GradAfterTwoSteps(bool zeroGrad, out float[] g1, out float[] g2)
    {
        var (x1, y1, x2, y2) = TwoBatches();
        random.manual_seed(11);
        var net = new AttackerNet(8, 5, 3);
        g1 = Gradient(net, x1, y1);
        g2 = Gradient(net, x2, y2);
        foreach (var p in net.parameters()) p.grad = null;
        using var trainer = new NnAttackerTrainer(net, new NnTrainSettings(5, 1, 1e-30, 0, 1, zeroGrad));
        trainer.Step(x1, y1);
        trainer.Step(x2, y2);
        return net.parameters().First().grad!.data<float>().ToArray();
    }

    [Fact]
    public void Original_never_zeroes_so_the_gradient_accumulates_over_steps()
    {
        var g = GradAfterTwoSteps(zeroGrad: false, out var g1, out var g2);
        for (var i = 0; i < g.Length; i++) Assert.Equal(g1[i] + g2[i], g[i], 5);
        Assert.Contains(g1, v => Math.Abs(v) > 1e-4);   // the first step's gradient is really there
    }

    [Fact]
    public void Corrected_zeroes_each_step_so_only_the_last_gradient_remains()
    {
        var g = GradAfterTwoSteps(zeroGrad: true, out _, out var g2);
        for (var i = 0; i < g.Length; i++) Assert.Equal(g2[i], g[i], 6);
    }

    [Fact]
    public void Network_has_the_original_shape()
    {
        random.manual_seed(1);
        using var net = new AttackerNet(256, 128, 65);
        var shapes = net.parameters().Select(p => string.Join("x", p.shape)).ToArray();
        Assert.Equal(new[] { "128x256", "128", "128x128", "128", "65x128", "65" }, shapes);
        using var logits = net.call(zeros(2, 256));
        Assert.Equal(new long[] { 2, 65 }, logits.shape);
    }

    [Fact]
    public void Bad_settings_name_their_key()
    {
        var e = Assert.Throws<ArgumentException>(() => new NnTrainSettings(128, 10, 0, 0, 1, true).Validate());
        Assert.Contains("attack.nn_lr", e.Message);
    }
}
