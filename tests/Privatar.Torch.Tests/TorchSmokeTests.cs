using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Torch.Tests;

/// <summary>TorchSharp loads on this machine, computes correct numbers, and trains.</summary>
public sealed class TorchSmokeTests
{
    [Fact]
    public void Should_Compute_A_Matrix_Product_Exactly()
    {
        // Given
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });

        // When
        using var c = a.matmul(b);

        // Then: [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]]
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Should_Backpropagate_The_Analytic_Gradient()
    {
        // Given f(x) = sum(x^3), so df/dx = 3x^2
        using var x = tensor(new double[] { -2, 0.5, 3 }, requires_grad: true);

        // When
        x.pow(3).sum().backward();

        // Then
        Assert.Equal(new double[] { 12, 0.75, 27 }, x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Should_Train_A_Small_Network_Until_Its_Loss_Falls()
    {
        // Given: a two-layer MLP regressing y = sin(3x) on 256 points, seeded
        torch.manual_seed(7);
        using var xs = linspace(-1, 1, 256).unsqueeze(1);
        using var ys = sin(xs * 3);
        var model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1));
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        float Loss() { using var _ = no_grad(); using var l = nn.functional.mse_loss(model.call(xs), ys); return l.item<float>(); }
        var before = Loss();

        // When: 300 full-batch Adam steps
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.call(xs), ys).backward();
            optimizer.step();
        }

        // Then: the fit improves by well over an order of magnitude
        var after = Loss();
        Assert.True(before > 0.1f, $"initial loss {before} should be that of an untrained model");
        Assert.True(after < before / 20, $"loss fell only from {before} to {after}");
    }

    [Fact]
    public void Should_Report_TorchSharp_0_107_On_Cpu_With_The_Compat_State()
    {
        // When
        var env = TorchEnvironment.Describe(new TorchSettings("cpu", 1));

        // Then
        Assert.Equal("0.107.0", env.TorchSharpVersion);
        Assert.StartsWith("2.10", env.LibTorchVersion);
        Assert.Equal("cpu", env.Device);
        Assert.Equal(1, env.Threads);
        Assert.DoesNotContain("MISSING", env.CompatFix);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("CPU")]
    [InlineData("cuda0")]
    public void Should_Reject_An_Unknown_Device_Naming_It(string device)
    {
        var e = Assert.Throws<ArgumentException>(() => new TorchSettings(device).ToDevice());
        Assert.Contains($"'{device}'", e.Message);
        Assert.Contains("expected 'cpu', 'cuda' or 'cuda:N'", e.Message);
    }

    [Fact]
    public void Should_Explain_How_To_Get_Cuda_When_It_Is_Unavailable()
    {
        if (torch.cuda.is_available()) return; // only meaningful on the CPU package, which is what this build ships
        var e = Assert.Throws<InvalidOperationException>(() => new TorchSettings("cuda").ToDevice());
        Assert.Contains("TorchSharp-cuda-linux", e.Message);
    }
}
