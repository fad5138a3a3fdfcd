using static TorchSharp.torch;

namespace Privatar.Evaluation.Metrics;

/// <summary>
/// How rendered screens (B, H, W, 3) are handed to LPIPS. The original test permutes the prediction with (0,3,2,1),
/// i.e. transposes it to (B, 3, W, H), and the photo with (0,3,1,2); the shapes then differ, so the prediction is
/// bilinearly resized to H x W (align_corners false, PyTorch's default) and LPIPS compares a transposed, stretched
/// prediction with the photo (the likely cause of its LPIPS of about 0.61). Corrected uses (0,3,1,2) for both.
/// </summary>
public static class LpipsScreenLayout
{
    /// <summary>(prediction, photo) as (B, 3, H, W) tensors; <paramref name="original"/> reproduces the quirk.</summary>
    public static (Tensor Prediction, Tensor Photo) ToNchw(Tensor predictionNhwc, Tensor photoNhwc, bool original)
    {
        if (predictionNhwc.dim() != 4 || predictionNhwc.shape[3] != 3 || !predictionNhwc.shape.SequenceEqual(photoNhwc.shape))
            throw new ArgumentException(
                $"LPIPS screens: expected two (B, H, W, 3) tensors of the same shape, got [{string.Join(",", predictionNhwc.shape)}] and [{string.Join(",", photoNhwc.shape)}]");
        var photo = photoNhwc.permute(0, 3, 1, 2);
        if (!original) return (predictionNhwc.permute(0, 3, 1, 2), photo);
        using var transposed = predictionNhwc.permute(0, 3, 2, 1);                  // (B, 3, W, H)
        var resized = nn.functional.interpolate(transposed, size: [photo.shape[2], photo.shape[3]],
            mode: InterpolationMode.Bilinear, align_corners: false);
        return (resized, photo);
    }
}
