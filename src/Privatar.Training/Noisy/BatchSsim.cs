using System.Numerics;
using System.Runtime.InteropServices;
using Privatar.Evaluation.Metrics;
using static TorchSharp.torch;

namespace Privatar.Training.Noisy;

/// <summary>
/// <see cref="Ssim.Mean"/> against one batch's photos, bit for bit, for many predictions of the same batch (every
/// case of a model). Measured on the functional profile, Ssim.Mean took ~70% of a noisy test: libtorch runs the
/// float64 grouped conv2d of its Gaussian blur on the slow im2col path (~25 ms a call, ten calls a metric), and the
/// SSIM map mixes the photo's channels-last layout with the prediction's, which takes libtorch's slow strided loops.
/// <list type="bullet">
/// <item>The photo's statistics (μ_y, σ_y²) are computed once per batch, by libtorch, with Ssim's own expressions.</item>
/// <item>The work buffers are allocated by the constructor and shared by the instances of a thread, so a call
/// allocates (almost) nothing managed: it stays inside <see cref="Privatar.Torch.NoGc"/>'s budget.</item>
/// <item>A prediction in contiguous (B, C, H, W) layout (what the renderer gives) is blurred in managed code in the
/// order libtorch's conv sums a contiguous input (checked element for element): each output starts at 0 and adds
/// x[k]·w[k] for k = 0..10, a separate multiply and add per term (no fused multiply-add), rows first, then columns.
/// The products and the SSIM map are element-wise IEEE operations in Ssim's evaluation order; the map is a
/// contiguous tensor, as the reference's is, and its means run in libtorch, so the reduction order is the same.</item>
/// <item>Any other layout goes to <see cref="Ssim.Mean"/> itself (libtorch sums a channels-last input in another order).</item>
/// </list>
/// Tests compare with <see cref="Ssim.Mean"/> for exact equality.
/// </summary>
public sealed class BatchSsim : IDisposable
{
    const int K = Ssim.WindowSize;
    static readonly double C1 = Math.Pow(Ssim.K1 * 1.0, 2), C2 = Math.Pow(Ssim.K2 * 1.0, 2);   // data range 1, as Ssim.Mean's default
    readonly Tensor _photo;
    readonly double[] _w;
    readonly double[] _b, _muY, _varY;                       // photo statistics, contiguous (B, C, H, W) order
    [ThreadStatic] static double[]? _x, _product, _muX, _sxx, _sxy, _rows;   // work buffers of Mean, grown by the constructor
    readonly long[] _shape;

    /// <param name="photo">(B, C, H, W) in [0, 1] (data range 1), any layout.</param>
    public BatchSsim(Tensor photo)
    {
        if (photo.dim() != 4) throw new ArgumentException($"SSIM: expected a (B, C, H, W) photo, got [{string.Join(",", photo.shape)}]");
        if (photo.shape[2] < K || photo.shape[3] < K)
            throw new ArgumentException($"SSIM: images must be at least {K}x{K}, got {photo.shape[2]}x{photo.shape[3]}");
        _photo = photo.alias();
        _shape = photo.shape;
        using var scope = NewDisposeScope();
        var window = Ssim.GaussianWindow(photo.device);
        _w = Values(window);
        var b = photo.to(ScalarType.Float64);
        var channels = b.shape[1];
        var rows = window.reshape(1, 1, 1, K).expand(channels, 1, 1, K);
        var cols = window.reshape(1, 1, K, 1).expand(channels, 1, K, 1);
        Tensor Blur(Tensor t) => nn.functional.conv2d(nn.functional.conv2d(t, rows, groups: channels), cols, groups: channels);
        var muY = Blur(b);
        var varY = Blur(b * b) - muY * muY;
        (_b, _muY, _varY) = (Values(b), Values(muY), Values(varY));
        GrowBuffers();
    }

    /// <summary>This thread's work buffers, at least as large as this batch needs (allocated here, outside a no-GC region, normally).</summary>
    void GrowBuffers()
    {
        static void Grow(ref double[]? buffer, long length) { if (buffer is null || buffer.Length < length) buffer = new double[length]; }
        Grow(ref _x, _b.Length); Grow(ref _product, _b.Length);
        Grow(ref _muX, _muY.Length); Grow(ref _sxx, _muY.Length); Grow(ref _sxy, _muY.Length);
        Grow(ref _rows, _shape[2] * (_shape[3] - K + 1));
    }

    /// <summary>Bytes held by this instance (the photo statistics), for a cache's budget.</summary>
    public long Bytes => 8L * (_b.Length + _muY.Length + _varY.Length) + _photo.ElementSize * _b.Length;

    /// <summary>Mean SSIM of <paramref name="prediction"/> (same shape as the photo) against the photo: <see cref="Ssim.Mean"/>(prediction, photo).</summary>
    public double Mean(Tensor prediction)
    {
        if (!prediction.shape.SequenceEqual(_shape))
            throw new ArgumentException($"SSIM: shapes differ: [{string.Join(",", prediction.shape)}] vs [{string.Join(",", _shape)}]");
        using var scope = NewDisposeScope();
        var a = prediction.to(ScalarType.Float64);
        if (!a.is_contiguous() || a.device_type != TorchSharp.DeviceType.CPU) return Ssim.Mean(prediction, _photo);
        using var map = Map(a);
        using var perImage = map.mean([1, 2, 3]);
        return perImage.mean().item<double>();
    }

    /// <summary>Ssim.PerImage's map for a contiguous float64 prediction, computed here: a contiguous tensor, as the reference's is.</summary>
    Tensor Map(Tensor a)
    {
        GrowBuffers();   // a no-op unless called from another thread than the constructor's
        var x = _x!.AsSpan(0, _b.Length);
        var p = _product!.AsSpan(0, _b.Length);
        var (muX, sxx, sxy) = (_muX!, _sxx!, _sxy!);
        MemoryMarshal.Cast<byte, double>(a.bytes).CopyTo(x);
        Blur(x, muX);
        for (var i = 0; i < x.Length; i++) p[i] = x[i] * x[i];
        Blur(p, sxx);
        for (var i = 0; i < x.Length; i++) p[i] = x[i] * _b[i];
        Blur(p, sxy);
        var map = muX.AsSpan(0, _muY.Length);   // overwritten in place: element i reads only index i
        for (var i = 0; i < map.Length; i++)
        {
            double mx = muX[i], my = _muY[i];
            var varX = sxx[i] - mx * mx;
            var cov = sxy[i] - mx * my;
            // (2·μx·μy + C1)·(2·cov + C2) / ((μx·μx + μy·μy + C1)·(σx² + σy² + C2)), left to right as Ssim writes it
            map[i] = (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (varX + _varY[i] + C2));
        }
        var t = empty([_shape[0], _shape[1], _shape[2] - K + 1, _shape[3] - K + 1], dtype: ScalarType.Float64);
        t.bytes = MemoryMarshal.AsBytes(map);
        return t;
    }

    /// <summary>The valid 11×11 Gaussian blur of contiguous (B, C, H, W) values into (B, C, H-10, W-10), rows then columns.</summary>
    void Blur(ReadOnlySpan<double> x, Span<double> result)
    {
        var rows = _rows!;
        long planes = _shape[0] * _shape[1];
        int h = (int)_shape[2], w = (int)_shape[3], ho = h - K + 1, wo = w - K + 1;
        for (long p = 0; p < planes; p++)
        {
            var plane = x.Slice((int)(p * h * w), h * w);
            for (var y = 0; y < h; y++) Pass(plane, y * w, 1, rows.AsSpan(y * wo, wo));
            var output = result.Slice((int)(p * ho * wo), ho * wo);
            for (var y = 0; y < ho; y++) Pass(rows, y * wo, wo, output.Slice(y * wo, wo));
        }
    }

    /// <summary>out[i] = Σ_k src[start + i + k·stride]·w[k], summed from 0 in k order, multiply and add separately.</summary>
    void Pass(ReadOnlySpan<double> src, int start, int stride, Span<double> output)
    {
        var n = output.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i + Vector<double>.Count <= n; i += Vector<double>.Count)
            {
                var acc = Vector<double>.Zero;
                for (var k = 0; k < K; k++)
                    acc += new Vector<double>(src.Slice(start + i + k * stride, Vector<double>.Count)) * new Vector<double>(_w[k]);
                acc.CopyTo(output.Slice(i));
            }
        for (; i < n; i++)
        {
            var s = 0.0;
            for (var k = 0; k < K; k++) s += src[start + i + k * stride] * _w[k];
            output[i] = s;
        }
    }

    /// <summary>A CPU tensor's values in contiguous (row-major) order.</summary>
    static double[] Values(Tensor t)
    {
        using var c = t.cpu().contiguous();
        return MemoryMarshal.Cast<byte, double>(c.bytes).ToArray();
    }

    public void Dispose() => _photo.Dispose();
}
