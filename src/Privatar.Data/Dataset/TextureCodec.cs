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
}
