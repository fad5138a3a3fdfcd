using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Torch;

/// <summary>
/// Why the weight-normalised convolutions hand libtorch channels-last inputs. libtorch 2.10's CPU conv2d and
/// conv_transpose2d run float32 through oneDNN. Given NCHW-contiguous tensors, libtorch reorders them into oneDNN's
/// channel-blocked layouts (16 or 32 channels per block); when a channel count is not a multiple of the block, the
/// padded lanes of those buffers are left as whatever the allocator last held, and the AVX-512 kernels read them
/// (measured on this machine's CPU, 4x4 kernels, stride 2: deconv forward wrong for 40 and 48 output channels, its input
/// gradient for 24, 40, 56; conv2d wrong for 100 of 144 shapes, among them 42 -> 128). Recycled memory makes the
/// errors O(1) or, when it held NaNs, non-finite. Given a channels-last (NHWC) input, libtorch hands oneDNN the plain
/// nhwc layout and every shape tested matched the float64 reference (float64 never takes the oneDNN path).
/// Privatar.Models' ConvolutionDeterminismTests compare both layers with float64 on the failing shapes, with NaN-filled
/// memory; the generators' conv tests do the same for theirs.
/// </summary>
public static class ChannelsLast
{
    /// <summary>
    /// The same (B, C, H, W) tensor with channels-last strides (a copy unless it already is). TorchSharp 0.107 has no
    /// contiguous(memory_format), so this permutes to NHWC, compacts, and permutes the view back.
    /// </summary>
    public static Tensor Of(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>A Conv2d module applied to a channels-last view of an NCHW input.</summary>
    public static Tensor Apply(Conv2d conv, Tensor x) => conv.call(Of(x));
}
