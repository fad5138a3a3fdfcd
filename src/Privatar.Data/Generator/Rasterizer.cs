using Privatar.Data.Format;

namespace Privatar.Data.Generator;

/// <summary>Per-pixel result of rasterizing a mesh: depth (camera z, mm), triangle id (-1 = background), barycentrics.</summary>
public sealed class RasterBuffer(int width, int height)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public float[] Depth { get; } = Enumerable.Repeat(float.PositiveInfinity, width * height).ToArray();
    public int[] Triangle { get; } = Enumerable.Repeat(-1, width * height).ToArray();
    /// <summary>Perspective-correct barycentric weights of the 2nd and 3rd corner (the 1st is 1 - b1 - b2).</summary>
    public float[] B1 { get; } = new float[width * height];
    public float[] B2 { get; } = new float[width * height];
}

/// <summary>
/// A software z-buffer rasterizer. Pixel (px, py) is sampled at its centre (px + 0.5, py + 0.5) in the continuous
/// image coordinates that K produces; triangles facing away from the camera are culled, the nearest surface wins.
/// </summary>
public static class Rasterizer
{
    /// <param name="headToCam">[R | t] from head frame to camera frame (3x4, row-major).</param>
    public static RasterBuffer Render(float[] positions, MeshTopology topo, double[] headToCam, double[] k, int width, int height)
    {
        int nv = topo.VertexCount;
        var cam = new double[3 * nv];
        var scr = new double[2 * nv];
        for (int i = 0; i < nv; i++)
        {
            double x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
            for (int r = 0; r < 3; r++)
                cam[3 * i + r] = headToCam[4 * r] * x + headToCam[4 * r + 1] * y + headToCam[4 * r + 2] * z + headToCam[4 * r + 3];
            double zc = cam[3 * i + 2];
            scr[2 * i] = (k[0] * cam[3 * i] + k[1] * cam[3 * i + 1] + k[2] * zc) / zc;
            scr[2 * i + 1] = (k[4] * cam[3 * i + 1] + k[5] * zc) / zc;
        }
        var buf = new RasterBuffer(width, height);
        for (int f = 0; f < topo.FaceCount; f++)
        {
            int a = topo.VertIds[3 * f], b = topo.VertIds[3 * f + 1], c = topo.VertIds[3 * f + 2];
            if (cam[3 * a + 2] <= 0 || cam[3 * b + 2] <= 0 || cam[3 * c + 2] <= 0) continue;
            if (!FacesCamera(cam, a, b, c)) continue;
            Fill(buf, f, scr, cam, a, b, c);
        }
        return buf;
    }

    static bool FacesCamera(double[] cam, int a, int b, int c)
    {
        double e1x = cam[3 * b] - cam[3 * a], e1y = cam[3 * b + 1] - cam[3 * a + 1], e1z = cam[3 * b + 2] - cam[3 * a + 2];
        double e2x = cam[3 * c] - cam[3 * a], e2y = cam[3 * c + 1] - cam[3 * a + 1], e2z = cam[3 * c + 2] - cam[3 * a + 2];
        double nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
        return -(nx * cam[3 * a] + ny * cam[3 * a + 1] + nz * cam[3 * a + 2]) > 0;   // normal points toward the camera centre
    }

    static void Fill(RasterBuffer buf, int tri, double[] scr, double[] cam, int a, int b, int c)
    {
        double ax = scr[2 * a], ay = scr[2 * a + 1], bx = scr[2 * b], by = scr[2 * b + 1], cx = scr[2 * c], cy = scr[2 * c + 1];
        double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (Math.Abs(area) < 1e-12) return;
        int x0 = Math.Max(0, (int)Math.Floor(Math.Min(ax, Math.Min(bx, cx)))), x1 = Math.Min(buf.Width - 1, (int)Math.Ceiling(Math.Max(ax, Math.Max(bx, cx))));
        int y0 = Math.Max(0, (int)Math.Floor(Math.Min(ay, Math.Min(by, cy)))), y1 = Math.Min(buf.Height - 1, (int)Math.Ceiling(Math.Max(ay, Math.Max(by, cy))));
        double iza = 1 / cam[3 * a + 2], izb = 1 / cam[3 * b + 2], izc = 1 / cam[3 * c + 2];
        for (int py = y0; py <= y1; py++)
            for (int px = x0; px <= x1; px++)
            {
                double x = px + 0.5, y = py + 0.5;
                double l1 = ((x - ax) * (cy - ay) - (y - ay) * (cx - ax)) / area;
                double l2 = ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / area;
                double l0 = 1 - l1 - l2;
                if (l0 < 0 || l1 < 0 || l2 < 0) continue;
                double iz = l0 * iza + l1 * izb + l2 * izc, z = 1 / iz;
                int p = py * buf.Width + px;
                if (z >= buf.Depth[p]) continue;
                buf.Depth[p] = (float)z;
                buf.Triangle[p] = tri;
                buf.B1[p] = (float)(l1 * izb * z);
                buf.B2[p] = (float)(l2 * izc * z);
            }
    }
}
