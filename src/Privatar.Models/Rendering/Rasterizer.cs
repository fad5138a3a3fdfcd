namespace Privatar.Models.Rendering;

/// <summary>
/// Visibility without gradients: which triangle covers each pixel centre (x + 0.5, y + 0.5), nearest depth wins.
/// This stands in for nvdiffrast's rasterize; gradients come from the barycentrics recomputed in
/// <see cref="ScreenRenderer"/>. No back-face culling (nvdiffrast has none); triangles with a vertex at or behind
/// the camera (depth ≤ 0) are skipped, as clipping would drop them, and so are slivers below MinArea.
/// </summary>
public static class Rasterizer
{
    /// <summary>Triangles with less than this doubled area (pixels²) are not drawn.</summary>
    public const double MinArea = 1e-6;

    /// <summary>
    /// <paramref name="xy"/>: V x 2 pixel coordinates, <paramref name="depth"/>: V depths, <paramref name="faces"/>:
    /// F x 3 vertex ids. Returns H·W triangle ids, row-major, -1 where nothing is drawn.
    /// </summary>
    public static int[] TriangleIds(ReadOnlySpan<float> xy, ReadOnlySpan<float> depth, ReadOnlySpan<long> faces, int height, int width)
    {
        var ids = new int[height * width];
        var zbuf = new float[height * width];
        Array.Fill(ids, -1);
        Array.Fill(zbuf, float.PositiveInfinity);
        var vertices = depth.Length;
        for (var f = 0; f < faces.Length / 3; f++)
        {
            long i0 = faces[3 * f], i1 = faces[3 * f + 1], i2 = faces[3 * f + 2];
            if ((ulong)i0 >= (ulong)vertices || (ulong)i1 >= (ulong)vertices || (ulong)i2 >= (ulong)vertices)
                throw new ArgumentException($"faces: triangle {f} references vertex ({i0}, {i1}, {i2}) outside 0..{vertices - 1}");
            double x0 = xy[(int)(2 * i0)], y0 = xy[(int)(2 * i0 + 1)], x1 = xy[(int)(2 * i1)], y1 = xy[(int)(2 * i1 + 1)];
            double x2 = xy[(int)(2 * i2)], y2 = xy[(int)(2 * i2 + 1)];
            double z0 = depth[(int)i0], z1 = depth[(int)i1], z2 = depth[(int)i2];
            if (z0 <= 0 || z1 <= 0 || z2 <= 0) continue;
            var area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
            if (!(Math.Abs(area) >= MinArea)) continue;   // slivers (and NaN): their recomputed barycentrics would blow up
            var minX = Math.Max(0, (int)Math.Ceiling(Math.Min(x0, Math.Min(x1, x2)) - 0.5));
            var maxX = Math.Min(width - 1, (int)Math.Floor(Math.Max(x0, Math.Max(x1, x2)) - 0.5));
            var minY = Math.Max(0, (int)Math.Ceiling(Math.Min(y0, Math.Min(y1, y2)) - 0.5));
            var maxY = Math.Min(height - 1, (int)Math.Floor(Math.Max(y0, Math.Max(y1, y2)) - 0.5));
            for (var py = minY; py <= maxY; py++)
            {
                var qy = py + 0.5;
                for (var px = minX; px <= maxX; px++)
                {
                    var qx = px + 0.5;
                    var w0 = ((x2 - x1) * (qy - y1) - (y2 - y1) * (qx - x1)) / area;
                    var w1 = ((x0 - x2) * (qy - y2) - (y0 - y2) * (qx - x2)) / area;
                    var w2 = 1 - w0 - w1;
                    if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                    var z = (float)(w0 * z0 + w1 * z1 + w2 * z2);
                    var at = py * width + px;
                    if (z < zbuf[at]) { zbuf[at] = z; ids[at] = f; }
                }
            }
        }
        return ids;
    }
}
