using Privatar.Core;
using Privatar.Data.Format;

namespace Privatar.Data.Dataset;

/// <summary>Image to loader-array conversions with the original's orientation and normalization.</summary>
public static class TextureCodec
{
    /// <summary>Rows flipped (the loader's <c>[::-1]</c>), HWC bytes to CHW floats, unnormalized (0..255).</summary>
    public static float[] FlippedChw(RgbImage img)
    {
        int w = img.Width, h = img.Height, plane = w * h;
        var o = new float[3 * plane];
        for (int y = 0; y < h; y++)
        {
            int src = (h - 1 - y) * w * 3, dst = y * w;
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++) o[c * plane + dst + x] = img.Pixels[src + 3 * x + c];
        }
        return o;
    }

    /// <summary>(x - texmean) / texstd with raw-zero texels set to 0; optionally the valid-texel mask (1 - [raw == 0]).</summary>
    public static float[] Normalize(RgbImage img, float[] texMean, double texStd, float[]? mask = null)
    {
        var raw = FlippedChw(img);
        if (raw.Length != texMean.Length) throw new ArgumentException($"texture has {raw.Length} values, the mean {texMean.Length}");
        float inv = (float)(1.0 / texStd);
        for (int i = 0; i < raw.Length; i++)
        {
            bool valid = raw[i] != 0;
            if (mask is not null) mask[i] = valid ? 1f : 0f;
            raw[i] = valid ? (raw[i] - texMean[i]) * inv : 0f;
        }
        return raw;
    }

    /// <summary>Inverse of <see cref="Normalize"/> for display: CHW normalized floats back to a top-down RGB image.</summary>
    public static RgbImage Denormalize(float[] chw, float[] texMean, double texStd, int w, int h)
    {
        var img = new RgbImage(w, h);
        int plane = w * h;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++)
                {
                    int i = c * plane + y * w + x;
                    var v = chw[i] == 0 ? 0 : chw[i] * texStd + texMean[i];
                    img.Pixels[((h - 1 - y) * w + x) * 3 + c] = (byte)Math.Clamp(Math.Round(v), 0, 255);
                }
        return img;
    }

    /// <summary>
    /// Resizes CHW planes like OpenCV's default <c>cv2.resize</c> (bilinear, half-pixel centres, no anti-aliasing),
    /// which the original applies to the normalized textures and to the zero mask when tex_size differs from the data.
    /// </summary>
    public static float[] Resize(float[] chw, int channels, int w, int h, int outW, int outH)
    {
        if (outW == w && outH == h) return chw;
        var o = new float[channels * outW * outH];
        double sx = (double)w / outW, sy = (double)h / outH;
        for (int y = 0; y < outH; y++)
        {
            double fy = Math.Clamp((y + 0.5) * sy - 0.5, 0, h - 1);
            int y0 = Math.Min((int)fy, h - 2 < 0 ? 0 : h - 2), y1 = Math.Min(y0 + 1, h - 1);
            double ty = fy - y0;
            for (int x = 0; x < outW; x++)
            {
                double fx = Math.Clamp((x + 0.5) * sx - 0.5, 0, w - 1);
                int x0 = Math.Min((int)fx, w - 2 < 0 ? 0 : w - 2), x1 = Math.Min(x0 + 1, w - 1);
                double tx = fx - x0;
                for (int c = 0; c < channels; c++)
                {
                    int b = c * w * h;
                    double top = chw[b + y0 * w + x0] * (1 - tx) + chw[b + y0 * w + x1] * tx;
                    double bottom = chw[b + y1 * w + x0] * (1 - tx) + chw[b + y1 * w + x1] * tx;
                    o[c * outW * outH + y * outW + x] = (float)(top * (1 - ty) + bottom * ty);
                }
            }
        }
        return o;
    }
}
