using Privatar.Models.Rendering;
using Privatar.Models.Tests.Fixtures;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Rendering;

public sealed class ScreenRendererTests
{
    [Fact]
    public void Should_Paint_A_Constant_Texture_Only_Where_The_Mesh_Covers()
    {
        // Given: a 3x3 grid mesh seen by a camera so it spans 60% of a 20x20 image, and a constant texture
        var topo = SyntheticSamples.Topology(3, 3, 9);
        using var grid = stack(meshgrid(new[] { linspace(-1, 1, 3), linspace(-1, 1, 3) }, indexing: "ij"), -1).reshape(1, 9, 2).flip(2);
        using var verts = cat(new[] { grid, zeros(1, 9, 1) }, -1);
        using var m = SyntheticSamples.Camera(20, 20);
        using var tex = full(1, 3, 4, 4, 0.25f);

        // When
        using var image = ScreenRenderer.Render(m, verts, tex, topo, 20, 20);

        // Then: the square from pixel 4 to 16 (x = ±1 maps to 10 ± 6) is 0.25, the rest is 0
        Assert.Equal(new long[] { 1, 20, 20, 3 }, image.shape);
        Assert.Equal(0.25f, image[0, 10, 10, 1].item<float>(), 6);
        Assert.Equal(0.25f, image[0, 4, 15, 0].item<float>(), 6);
        Assert.Equal(0f, image[0, 3, 10, 0].item<float>());
        Assert.Equal(0f, image[0, 10, 16, 2].item<float>());
        Assert.Equal(12 * 12 * 3 * 0.25, image.sum().item<float>(), 3);
    }

    [Fact]
    public void Should_Give_Vertex_And_Texture_Gradients_That_Match_Finite_Differences()
    {
        // Given: two triangles, a random 5x5 texture and random pixel weights, in double precision
        var topo = SyntheticSamples.Topology(2, 2, 4);
        using var gen = new Generator(5);
        var v0 = new double[] { -1, -0.9, 0.1, 1.1, -1, -0.2, -0.8, 1.05, 0.3, 0.9, 0.95, 0 };
        var m = SyntheticSamples.Camera(12, 12).to(float64);
        var tex0 = rand(1, 3, 5, 5, dtype: float64, generator: gen);
        var weights = randn(1, 12, 12, 3, dtype: float64, generator: gen);
        var (xy, depth) = ScreenRenderer.Project(tensor(v0, new long[] { 1, 4, 3 }, dtype: float64), m);
        var ids = ScreenRenderer.Rasterize(xy, depth, topo.VertIds, 12, 12);   // visibility held fixed, as in training
        double Loss(Tensor verts, Tensor tex) => (ScreenRenderer.Render(m, verts, tex, topo, 12, 12, ids) * weights).sum().item<double>();

        // When: autograd
        var verts = tensor(v0, new long[] { 1, 4, 3 }, dtype: float64, requires_grad: true);
        var texture = tex0.clone().requires_grad_(true);
        (ScreenRenderer.Render(m, verts, texture, topo, 12, 12, ids) * weights).sum().backward();

        // Then: every vertex coordinate and a few texels agree with central differences
        const double h = 1e-6;
        var vGrad = verts.grad!.data<double>().ToArray();
        for (var i = 0; i < v0.Length; i++)
        {
            var plus = (double[])v0.Clone(); plus[i] += h;
            var minus = (double[])v0.Clone(); minus[i] -= h;
            var fd = (Loss(tensor(plus, new long[] { 1, 4, 3 }, dtype: float64), tex0) - Loss(tensor(minus, new long[] { 1, 4, 3 }, dtype: float64), tex0)) / (2 * h);
            Assert.True(Math.Abs(fd - vGrad[i]) < 1e-5 * (1 + Math.Abs(fd)), $"vertex coordinate {i}: autograd {vGrad[i]}, finite difference {fd}");
        }
        Assert.Contains(vGrad, g => Math.Abs(g) > 1e-3);
        var tGrad = texture.grad!.data<double>().ToArray();
        foreach (var i in new[] { 0, 6, 12, 31, 74 })
        {
            var plus = tex0.clone(); plus.view(-1)[i] += h;
            var minus = tex0.clone(); minus.view(-1)[i] -= h;
            var fd = (Loss(tensor(v0, new long[] { 1, 4, 3 }, dtype: float64), plus) - Loss(tensor(v0, new long[] { 1, 4, 3 }, dtype: float64), minus)) / (2 * h);
            Assert.True(Math.Abs(fd - tGrad[i]) < 1e-6 * (1 + Math.Abs(fd)), $"texel {i}: autograd {tGrad[i]}, finite difference {fd}");
        }
    }
}
