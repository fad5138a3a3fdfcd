using Privatar.Generators.Pate;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.Pate;

public sealed class TeacherEnsembleTests
{
    public TeacherEnsembleTests() => TorchThreads.One();

    [Fact]
    public void Should_Split_The_Private_Set_Into_Disjoint_Equal_Partitions()
    {
        var parts = EnsembleTraining.Partition(103, 10, 7);
        Assert.Equal(new long[] { 10, 10 }, parts.shape);
        var all = parts.flatten().data<long>().ToArray();
        Assert.Equal(100, all.Distinct().Count());                        // 3 of 103 unused, none shared
        Assert.All(all, i => Assert.InRange(i, 0, 102));
        Assert.Equal(all, EnsembleTraining.Partition(103, 10, 7).flatten().data<long>().ToArray());
    }

    [Fact]
    public void Should_Give_Each_Teacher_Its_Own_Gradient_At_The_Shared_Samples()
    {
        using var init = new Generator(3);
        using var ensemble = new TeacherEnsemble(4, 6, 5, init);
        var x = rand(2, 6);
        var y = tensor(new long[] { 1, 7 });
        var grads = ensemble.SampleGradients(x, y);
        Assert.Equal(new long[] { 4, 2, 6 }, grads.shape);
        for (var t = 0; t < 4; t++)
        {
            // Teacher t alone: its logits are row t of the ensemble's on a stack whose other rows are constant.
            var xt = x.clone().requires_grad_(true);
            var rows = stack(Enumerable.Range(0, 4).Select(i => i == t ? xt : x.detach()).ToArray());
            var logits = ensemble.call(rows, y.unsqueeze(0).expand(4, -1))[t];
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, ones_like(logits), reduction: nn.Reduction.Sum);
            var expected = autograd.grad([loss], [xt])[0];
            Assert.True(expected.allclose(grads[t], 1e-5, 1e-6), $"teacher {t}");
        }
    }
}
