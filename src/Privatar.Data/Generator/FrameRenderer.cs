using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;

namespace Privatar.Data.Generator;

/// <summary>Everything one frame writes: head-frame vertices, per-camera textures and photos, the average texture.</summary>
public sealed record FrameImages(float[] Positions, RgbImage Average, RgbImage[] Textures, RgbImage[] Photos);

/// <summary>
/// Renders one frame the way a capture produces it: albedo from the expression, shading with a fixed rig light
/// and a per-camera specular highlight, per-view textures holding only texels the camera sees (0 elsewhere),
/// the average over the cameras that see a texel, and photos rasterized with a z-buffer and UV lookup.
/// </summary>
public sealed class FrameRenderer(GeneratorConfig cfg, HeadModel head, SkinModel skin, IReadOnlyList<Camera> cameras, TexelMap texels)
{
    static readonly double[] Light = Normalize([0.35, 0.55, 0.75]);

    /// <summary>
    /// Renders the frame. With <paramref name="perCamera"/> each camera's (texture, photo) goes to it as soon as it is
    /// drawn and is not kept (full-size frames hold 38 photos of 8 MB otherwise); the result then has empty arrays.
    /// </summary>
    public FrameImages Render(double[] coeffs, double[] headRt, Action<int, RgbImage, RgbImage>? perCamera = null)
    {
        var topo = head.Topology;
        var pos = head.Positions(coeffs);
        var (vn, fn) = Normals(pos, topo);
        int t = cfg.TextureSize, n = t * t;
        var albedo = new double[3 * n];
        var point = new double[3 * n];
        var normal = new double[3 * n];
        for (int i = 0; i < n; i++)
        {
            int tri = texels.Triangle[i];
            if (tri < 0) continue;
            for (int c = 0; c < 3; c++)
            {
                double p = 0, q = 0;
                for (int k = 0; k < 3; k++)
                {
                    int v = topo.VertIds[3 * tri + k];
                    p += texels.Weights[3 * i + k] * pos[3 * v + c];
                    q += texels.Weights[3 * i + k] * vn[3 * v + c];
                }
                point[3 * i + c] = p;
                normal[3 * i + c] = q;
            }
            double x = i % t + 0.5, y = t - (i / t + 0.5);
            (albedo[3 * i], albedo[3 * i + 1], albedo[3 * i + 2]) = skin.Albedo(texels.FaceU[i], texels.FaceV[i], x, y, coeffs);
        }

        var sum = new double[3 * n];
        var count = new int[n];
        var textures = new RgbImage[cameras.Count];
        var photos = new RgbImage[cameras.Count];
        var shaded = new double[3 * n];
        for (int ci = 0; ci < cameras.Count; ci++)
        {
            var cam = cameras[ci];
            var toCam = CameraGeometry.Compose(cam.Rt, headRt);
            var raster = Rasterizer.Render(pos, topo, toCam, cam.K, cfg.PhotoWidth, cfg.PhotoHeight);
            var eye = HeadFrame(CameraGeometry.CameraPosition(cam.Rt), headRt, true);
            var light = HeadFrame(Light, headRt, false);
            Shade(albedo, point, normal, light, eye, shaded);
            var texture = VisibleTexels(shaded, point, fn, eye, toCam, cam.K, raster, sum, count);
            var photo = Photo(raster, shaded);
            if (perCamera is null) (textures[ci], photos[ci]) = (texture, photo);
            else perCamera(ci, texture, photo);
        }
        var avg = new RgbImage(t, t);
        for (int i = 0; i < n; i++)
            if (count[i] > 0)
                for (int c = 0; c < 3; c++) avg.Pixels[3 * i + c] = ToByte(sum[3 * i + c] / count[i]);
        return perCamera is null ? new FrameImages(pos, avg, textures, photos) : new FrameImages(pos, avg, [], []);
    }

    void Shade(double[] albedo, double[] point, double[] normal, double[] light, double[] eye, double[] shaded)
    {
        for (int i = 0; i < texels.Triangle.Length; i++)
        {
            if (texels.Triangle[i] < 0) continue;
            var nrm = Normalize([normal[3 * i], normal[3 * i + 1], normal[3 * i + 2]]);
            var view = Normalize([eye[0] - point[3 * i], eye[1] - point[3 * i + 1], eye[2] - point[3 * i + 2]]);
            var half = Normalize([light[0] + view[0], light[1] + view[1], light[2] + view[2]]);
            double diffuse = 0.35 + 0.7 * Math.Max(0, Dot(nrm, light));
            double spec = 45 * Math.Pow(Math.Max(0, Dot(nrm, half)), 24);
            for (int c = 0; c < 3; c++) shaded[3 * i + c] = albedo[3 * i + c] * diffuse + spec;
        }
    }

    RgbImage VisibleTexels(double[] shaded, double[] point, double[] faceNormal, double[] eye, double[] toCam, double[] k,
        RasterBuffer raster, double[] sum, int[] count)
    {
        int t = cfg.TextureSize;
        var img = new RgbImage(t, t);
        for (int i = 0; i < t * t; i++)
        {
            int tri = texels.Triangle[i];
            if (tri < 0) continue;
            double x = point[3 * i], y = point[3 * i + 1], z = point[3 * i + 2];
            double facing = faceNormal[3 * tri] * (eye[0] - x) + faceNormal[3 * tri + 1] * (eye[1] - y) + faceNormal[3 * tri + 2] * (eye[2] - z);
            if (facing <= 0) continue;
            double xc = toCam[0] * x + toCam[1] * y + toCam[2] * z + toCam[3];
            double yc = toCam[4] * x + toCam[5] * y + toCam[6] * z + toCam[7];
            double zc = toCam[8] * x + toCam[9] * y + toCam[10] * z + toCam[11];
            int px = (int)Math.Floor((k[0] * xc + k[1] * yc + k[2] * zc) / zc), py = (int)Math.Floor((k[4] * yc + k[5] * zc) / zc);
            if (px < 0 || py < 0 || px >= raster.Width || py >= raster.Height) continue;
            // occluded when the nearest surface at that pixel is in front by more than ~2 pixel footprints, stretched
            // by the depth slope of a surface seen at a grazing angle
            double cos = facing / Math.Sqrt(Dot3(faceNormal, 3 * tri) * ((eye[0] - x) * (eye[0] - x) + (eye[1] - y) * (eye[1] - y) + (eye[2] - z) * (eye[2] - z)));
            if (zc > raster.Depth[py * raster.Width + px] + 1 + 2 * zc / k[0] / Math.Max(cos, 0.2)) continue;
            count[i]++;
            for (int c = 0; c < 3; c++)
            {
                sum[3 * i + c] += shaded[3 * i + c];
                img.Pixels[3 * i + c] = ToByte(shaded[3 * i + c]);
            }
        }
        return img;
    }

    RgbImage Photo(RasterBuffer raster, double[] shaded)
    {
        var topo = head.Topology;
        int t = cfg.TextureSize;
        var img = new RgbImage(raster.Width, raster.Height);
        for (int p = 0; p < raster.Triangle.Length; p++)
        {
            int tri = raster.Triangle[p];
            if (tri < 0)
            {
                byte bg = (byte)(24 + 16 * (p / raster.Width) / raster.Height);
                img.Pixels[3 * p] = bg; img.Pixels[3 * p + 1] = bg; img.Pixels[3 * p + 2] = (byte)(bg + 8);
                continue;
            }
            double b1 = raster.B1[p], b2 = raster.B2[p], b0 = 1 - b1 - b2, u = 0, v = 0;
            for (int c = 0; c < 3; c++)
            {
                int uv = topo.UvIds[3 * tri + c];
                double w = c == 0 ? b0 : c == 1 ? b1 : b2;
                u += w * topo.Uvs[2 * uv];
                v += w * topo.Uvs[2 * uv + 1];
            }
            // bilinear lookup in the on-disk texture (row 0 = v of 1)
            double sx = Math.Clamp(u * t - 0.5, 0, t - 1), sy = Math.Clamp((1 - v) * t - 0.5, 0, t - 1);
            int x0 = Math.Min((int)sx, t - 2), y0 = Math.Min((int)sy, t - 2);
            double fx = sx - x0, fy = sy - y0;
            for (int c = 0; c < 3; c++)
            {
                double s00 = shaded[3 * (y0 * t + x0) + c], s10 = shaded[3 * (y0 * t + x0 + 1) + c];
                double s01 = shaded[3 * ((y0 + 1) * t + x0) + c], s11 = shaded[3 * ((y0 + 1) * t + x0 + 1) + c];
                img.Pixels[3 * p + c] = ToByte((s00 * (1 - fx) + s10 * fx) * (1 - fy) + (s01 * (1 - fx) + s11 * fx) * fy);
            }
        }
        return img;
    }

    /// <summary>Area-weighted vertex normals and unnormalized face normals (both head frame).</summary>
    static (double[] Vertex, double[] Face) Normals(float[] pos, MeshTopology topo)
    {
        var vn = new double[pos.Length];
        var fn = new double[3 * topo.FaceCount];
        for (int f = 0; f < topo.FaceCount; f++)
        {
            int a = topo.VertIds[3 * f], b = topo.VertIds[3 * f + 1], c = topo.VertIds[3 * f + 2];
            double[] e1 = [pos[3 * b] - pos[3 * a], pos[3 * b + 1] - pos[3 * a + 1], pos[3 * b + 2] - pos[3 * a + 2]];
            double[] e2 = [pos[3 * c] - pos[3 * a], pos[3 * c + 1] - pos[3 * a + 1], pos[3 * c + 2] - pos[3 * a + 2]];
            double[] n = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
            for (int d = 0; d < 3; d++)
            {
                fn[3 * f + d] = n[d];
                vn[3 * a + d] += n[d]; vn[3 * b + d] += n[d]; vn[3 * c + d] += n[d];
            }
        }
        return (vn, fn);
    }

    /// <summary>A world point (or direction) in the head frame: R_f^T (p - t_f).</summary>
    static double[] HeadFrame(double[] p, double[] rt, bool isPoint)
    {
        double dx = p[0] - (isPoint ? rt[3] : 0), dy = p[1] - (isPoint ? rt[7] : 0), dz = p[2] - (isPoint ? rt[11] : 0);
        return [rt[0] * dx + rt[4] * dy + rt[8] * dz, rt[1] * dx + rt[5] * dy + rt[9] * dz, rt[2] * dx + rt[6] * dy + rt[10] * dz];
    }

    /// <summary>Valid texels are never 0: a raw 0 marks "not seen" in the Multiface textures.</summary>
    static byte ToByte(double v) => (byte)Math.Clamp(Math.Round(v), 1, 255);

    static double Dot3(double[] v, int o) => v[o] * v[o] + v[o + 1] * v[o + 1] + v[o + 2] * v[o + 2];

    static double Dot(double[] a, double[] b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

    static double[] Normalize(double[] v)
    {
        var n = Math.Sqrt(Dot(v, v));
        return n > 0 ? [v[0] / n, v[1] / n, v[2] / n] : v;
    }
}
