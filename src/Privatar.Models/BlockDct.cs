using static TorchSharp.torch;

namespace Privatar.Models;

/// <summary>
/// The original's 4x4 block DCT (torchjpeg's block_dct / block_idct with N = 4), reproduced formula for formula:
/// D = (1/sqrt(2N)) (a a^T) ⊙ (H^T B H) and X = (1/sqrt(2N)) H ((a a^T) ⊙ D) H^T, with H[x,k] = cos((2x+1)kπ/2N)
/// and a = [1/√2, 1, 1, 1]. The 1/sqrt(2N) factor is not orthonormal for N = 4 (that needs 2/N), so
/// Inverse(Forward(x)) = x / 2 and the DC term is 2√2 times the block mean. Attack references and covariance
/// numbers are in this scale, so it is kept on purpose.
/// Frequency k = 4u + v (u vertical, v horizontal, natural order, not zigzag); channel layout = 3k + colour.
/// </summary>
public static class BlockDct
{
    public const int Block = 4;
    public const int Components = Block * Block;

    /// <summary>(B, C, H, W) -> (B, 16, C, H/4, W/4); H and W must be multiples of 4.</summary>
    public static Tensor Forward(Tensor x)
    {
        var (b, c, h, w) = Shape4(x, "BlockDct.Forward");
        if (h % Block != 0 || w % Block != 0)
            throw new ArgumentException($"BlockDct.Forward: height and width must be multiples of {Block}, got {h}x{w}");
        using var scope = NewDisposeScope();
        var basis = Basis(x.dtype, x.device);                                   // (4, 4): H[x,k]
        var blocks = x.reshape(b, c, h / Block, Block, w / Block, Block)
                      .permute(0, 1, 2, 4, 3, 5);                                // (B, C, bh, bw, 4y, 4x)
        var d = basis.t().matmul(blocks).matmul(basis) * Scale(x.dtype, x.device); // H^T B H ⊙ a a^T / sqrt(8)
        var result = d.reshape(b, c, h / Block, w / Block, Components)
                      .permute(0, 4, 1, 2, 3).contiguous();                     // (B, 16, C, bh, bw)
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>(B, 16, C, h, w) -> (B, C, 4h, 4w). Also accepts the flat layout (B, 16*C, h, w) with <paramref name="colours"/>.</summary>
    public static Tensor Inverse(Tensor d, long colours = 3)
    {
        using var scope = NewDisposeScope();
        var five = d.dim() == 4 ? d.reshape(d.shape[0], Components, colours, d.shape[2], d.shape[3]) : d;
        if (five.dim() != 5 || five.shape[1] != Components)
            throw new ArgumentException($"BlockDct.Inverse: expected (B, 16, C, h, w) or (B, 16*C, h, w), got [{string.Join(",", d.shape)}]");
        var (b, c, bh, bw) = (five.shape[0], five.shape[2], five.shape[3], five.shape[4]);
        var basis = Basis(d.dtype, d.device);
        var coeffs = five.permute(0, 2, 3, 4, 1).reshape(b, c, bh, bw, Block, Block) * Scale(d.dtype, d.device);
        var blocks = basis.matmul(coeffs).matmul(basis.t());                    // (B, C, bh, bw, 4y, 4x)
        var image = blocks.permute(0, 1, 2, 4, 3, 5).reshape(b, c, bh * Block, bw * Block);
        return image.MoveToOuterDisposeScope();
    }

    /// <summary>(B, 16, C, h, w) -> (B, 3·|k|, h, w) for the given components, in list order (channel = 3i + colour).</summary>
    public static Tensor Select(Tensor d, IReadOnlyList<int> components)
    {
        using var idx = tensor(components.Select(k => (long)k).ToArray(), device: d.device);
        using var picked = d.index_select(1, idx);
        return picked.reshape(d.shape[0], components.Count * d.shape[2], d.shape[3], d.shape[4]);
    }

    /// <summary>H[x, k] = cos((2x + 1) k π / 2N).</summary>
    static Tensor Basis(ScalarType dtype, Device device)
    {
        var h = new double[Block * Block];
        for (var x = 0; x < Block; x++)
            for (var k = 0; k < Block; k++)
                h[x * Block + k] = Math.Cos((2 * x + 1) * k * Math.PI / (2 * Block));
        return tensor(h, new long[] { Block, Block }, dtype: dtype, device: device);
    }

    /// <summary>(1/sqrt(2N)) a_u a_v with a = [1/√2, 1, 1, 1].</summary>
    static Tensor Scale(ScalarType dtype, Device device)
    {
        var s = new double[Block * Block];
        for (var u = 0; u < Block; u++)
            for (var v = 0; v < Block; v++)
                s[u * Block + v] = (u == 0 ? Math.Sqrt(0.5) : 1.0) * (v == 0 ? Math.Sqrt(0.5) : 1.0) / Math.Sqrt(2.0 * Block);
        return tensor(s, new long[] { Block, Block }, dtype: dtype, device: device);
    }

    static (long, long, long, long) Shape4(Tensor x, string who) =>
        x.dim() == 4 ? (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
                     : throw new ArgumentException($"{who}: expected a (B, C, H, W) tensor, got [{string.Join(",", x.shape)}]");
}
