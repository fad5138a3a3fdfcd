using Privatar.Core;
using Privatar.Data.Format;

namespace Privatar.Data.Generator;

/// <summary>
/// The subject statistics, accumulated frame by frame in a fixed order: vert_mean.bin (per-coordinate mean),
/// vert_var.txt (mean squared deviation over all coordinates), tex_mean.png (per-texel mean of the average
/// textures over the frames where the texel is valid) and tex_var.txt (mean squared deviation from it).
/// </summary>
internal sealed class SubjectAccumulator(int vertexCount, int textureSize)
{
    readonly double[] _vSum = new double[3 * vertexCount], _vSq = new double[3 * vertexCount];
    readonly double[] _tSum = new double[3 * textureSize * textureSize], _tSq = new double[3 * textureSize * textureSize];
    readonly int[] _tCount = new int[3 * textureSize * textureSize];
    int _frames;

    public void Add(float[] positions, RgbImage average)
    {
        for (int i = 0; i < positions.Length; i++) { _vSum[i] += positions[i]; _vSq[i] += (double)positions[i] * positions[i]; }
        for (int i = 0; i < _tSum.Length; i++)
        {
            int x = average.Pixels[i];
            if (x == 0) continue;
            _tSum[i] += x; _tSq[i] += x * x; _tCount[i]++;
        }
        _frames++;
    }

    public void Write(MultifaceLayout layout)
    {
        var mean = new float[_vSum.Length];
        double dev = 0;
        for (int i = 0; i < mean.Length; i++)
        {
            double m = _vSum[i] / _frames;
            mean[i] = (float)m;
            dev += Math.Max(0, _vSq[i] / _frames - m * m);
        }
        RawFiles.WriteFloats(layout.VertMean, mean);
        RawFiles.WriteScalar(layout.VertVar, dev / mean.Length);

        var tex = new RgbImage(textureSize, textureSize);
        double tDev = 0;
        long n = 0;
        for (int i = 0; i < _tSum.Length; i++)
        {
            if (_tCount[i] == 0) continue;
            double m = Math.Clamp(Math.Round(_tSum[i] / _tCount[i]), 1, 255);
            tex.Pixels[i] = (byte)m;
            tDev += _tSq[i] - 2 * m * _tSum[i] + _tCount[i] * m * m;   // deviation from the stored (rounded) mean
            n += _tCount[i];
        }
        Png.Write(layout.TexMean, tex);
        RawFiles.WriteScalar(layout.TexVar, tDev / Math.Max(1, n));
    }
}
