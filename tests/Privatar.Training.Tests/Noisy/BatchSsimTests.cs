using Privatar.Evaluation.Metrics;
using Privatar.Training.Noisy;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Training.Tests.Noisy;

/// <summary>BatchSsim must give Ssim.Mean's doubles exactly: the noisy-inference CSV may not change by a bit.</summary>
public sealed class BatchSsimTests
{
    /// <summary>A render as NoisyTester gets it: (B, H, W, 3) from a (B, 3, H, W) buffer, clamped, background zero, permuted back.</summary>
    static Tensor RenderLike(long b, long h, long w)
    {
        using var raw = rand(b, 3, h, w) * 1.2 - 0.1;
        using var covered = rand(b, 1, h, w).gt(0.3).to(ScalarType.Float32);
        using var masked = raw * covered;
        return masked.permute(0, 2, 3, 1).clamp(0, 1).permute(0, 3, 1, 2);
    }

    [Theory]
    [InlineData(1, 2, 24, 17)]
    [InlineData(2, 4, 40, 33)]
    [InlineData(3, 8, 48, 32)]
    public void Every_case_of_a_batch_gets_Ssim_Mean_bit_for_bit(int seed, int batch, int height, int width)
    {
        manual_seed(seed);
        using var photoHwc = rand(batch, height, width, 3);
        var photo = photoHwc.permute(0, 3, 1, 2);   // channels-last view, as batch.Photo.permute(0, 3, 1, 2)
        using var ssim = new BatchSsim(photo);
        for (var c = 0; c < 3; c++)
        {
            using var pred = RenderLike(batch, height, width);
            Assert.True(pred.is_contiguous());   // the managed blur path
            Assert.Equal(Ssim.Mean(pred, photo), ssim.Mean(pred));
        }
    }

    [Fact]
    public void Other_layouts_take_libtorchs_blur_and_still_match()
    {
        manual_seed(11);
        using var photo = rand(2, 3, 30, 21);                       // contiguous photo
        using var predHwc = rand(2, 30, 21, 3);
        var pred = predHwc.permute(0, 3, 1, 2);                      // channels-last prediction
        using var ssim = new BatchSsim(photo);
        Assert.Equal(Ssim.Mean(pred, photo), ssim.Mean(pred));                 // channels-last: Ssim.Mean itself
        using var contiguous = pred.contiguous();
        Assert.Equal(Ssim.Mean(contiguous, photo), ssim.Mean(contiguous));     // contiguous photo and prediction
        Assert.Equal(1.0, ssim.Mean(photo), 12);
    }

    [Fact]
    public void A_prediction_of_another_shape_is_refused()
    {
        using var photo = rand(2, 3, 30, 21);
        using var ssim = new BatchSsim(photo);
        using var pred = rand(2, 3, 30, 20);
        var e = Assert.Throws<ArgumentException>(() => ssim.Mean(pred));
        Assert.Contains("shapes differ: [2,3,30,20] vs [2,3,30,21]", e.Message);
        using var tiny = zeros(1, 3, 10, 20);
        var small = Assert.Throws<ArgumentException>(() => new BatchSsim(tiny));
        Assert.Contains("at least 11x11", small.Message);
    }
}
