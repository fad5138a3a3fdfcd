using System.Globalization;
using Privatar.Data.Format;

namespace Privatar.Data.Generator;

/// <summary>
/// Cameras on a sphere of about 1.15 m around the head (the capture rig's radius), all looking at the head,
/// named like the rig's ids; <see cref="FrontalCamera"/> is the frontal one the attacks use. World frame:
/// y up, z toward the face. Camera frame: OpenCV (x right, y down, z forward).
/// </summary>
public static class CameraRig
{
    public const string FrontalCamera = "400023";

    public static IReadOnlyList<Camera> Build(GeneratorConfig cfg)
    {
        var cams = new List<Camera>();
        int nextId = 400002;
        for (int k = 0; k < cfg.Cameras; k++)
        {
            string name;
            double az = 0, el = 0;
            if (k == 0) name = FrontalCamera;
            else
            {
                if (nextId == 400023) nextId++;
                name = (nextId++).ToString(CultureInfo.InvariantCulture);
                // low-discrepancy spread over azimuth -75..75 deg and elevation -20..25 deg
                az = -75 + 150 * Frac(k * 0.6180339887);
                el = -20 + 45 * Frac(k * 0.7548776662);
            }
            double j(int i) => Hash.Signed(cfg.Seed, 500 + i, k);
            az = (az + 1.5 * j(0)) * Math.PI / 180;
            el = (el + 1.5 * j(1)) * Math.PI / 180;
            double dist = 1150 + 50 * j(2);
            var pos = new[] { dist * Math.Cos(el) * Math.Sin(az), dist * Math.Sin(el), dist * Math.Cos(el) * Math.Cos(az) };
            var target = new[] { 3 * j(3), 10 + 3 * j(4), 3 * j(5) };
            double f = 3.6 * cfg.PhotoHeight * (1 + 0.02 * j(6));
            double[] k3 = [f, 0, cfg.PhotoWidth / 2.0 * (1 + 0.01 * j(7)), 0, f, cfg.PhotoHeight / 2.0 * (1 + 0.01 * j(8)), 0, 0, 1];
            cams.Add(new Camera(name, k3, [0, 0, 0, 0, 0], LookAt(pos, target)));
        }
        return cams.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>[R | t] with rows of R the camera axes in world coordinates and t = -R p.</summary>
    static double[] LookAt(double[] p, double[] target)
    {
        var z = Normalize([target[0] - p[0], target[1] - p[1], target[2] - p[2]]);
        double dot = -z[1];                                   // y axis: world down, made orthogonal to z
        var y = Normalize([0 - dot * z[0], -1 - dot * z[1], 0 - dot * z[2]]);
        var x = Cross(y, z);
        var rt = new double[12];
        for (int c = 0; c < 3; c++) { rt[c] = x[c]; rt[4 + c] = y[c]; rt[8 + c] = z[c]; }
        for (int r = 0; r < 3; r++) rt[4 * r + 3] = -(rt[4 * r] * p[0] + rt[4 * r + 1] * p[1] + rt[4 * r + 2] * p[2]);
        return rt;
    }

    /// <summary>Small smooth head motion over the capture: yaw up to 6 deg, pitch 4, roll 2, translation a few mm.</summary>
    public static double[] HeadPose(long frameIndex, int seed)
    {
        double s(int i, double amp, double rate) => amp * Math.Sin(2 * Math.PI * (rate * frameIndex + Hash.Unit(seed, 600 + i)));
        double yaw = s(0, 6, 0.011) * Math.PI / 180, pitch = s(1, 4, 0.017) * Math.PI / 180, roll = s(2, 2, 0.023) * Math.PI / 180;
        double cy = Math.Cos(yaw), sy = Math.Sin(yaw), cp = Math.Cos(pitch), sp = Math.Sin(pitch), cr = Math.Cos(roll), sr = Math.Sin(roll);
        // R = Ry(yaw) Rx(pitch) Rz(roll)
        double[] r =
        [
            cy * cr + sy * sp * sr, -cy * sr + sy * sp * cr, sy * cp,
            cp * sr, cp * cr, -sp,
            -sy * cr + cy * sp * sr, sy * sr + cy * sp * cr, cy * cp,
        ];
        return [r[0], r[1], r[2], s(3, 4, 0.013), r[3], r[4], r[5], s(4, 3, 0.019), r[6], r[7], r[8], s(5, 5, 0.007)];
    }

    static double Frac(double x) => x - Math.Floor(x);

    static double[] Normalize(double[] v)
    {
        var n = Math.Sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return [v[0] / n, v[1] / n, v[2] / n];
    }

    static double[] Cross(double[] a, double[] b) =>
        [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
