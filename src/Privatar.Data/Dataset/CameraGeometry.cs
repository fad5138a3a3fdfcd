namespace Privatar.Data.Dataset;

/// <summary>
/// The two per-sample camera quantities of the original loader, in float64 and row-major.
/// A head-frame vertex v maps to world as R_f v + t_f and to camera as R_C x + t_C; pixels are K x / z.
/// </summary>
public static class CameraGeometry
{
    /// <summary>M = K [R_C R_f | R_C t_f + t_C] (3x4): projects homogeneous head-frame vertices to pixels.</summary>
    public static double[] Projection(double[] k, double[] camRt, double[] headRt)
    {
        var rt = Compose(camRt, headRt);
        var m = new double[12];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 4; c++)
                m[4 * r + c] = k[3 * r] * rt[c] + k[3 * r + 1] * rt[4 + c] + k[3 * r + 2] * rt[8 + c];
        return m;
    }

    /// <summary>[R_C R_f | R_C t_f + t_C]: head frame to camera frame.</summary>
    public static double[] Compose(double[] camRt, double[] headRt)
    {
        var o = new double[12];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
                o[4 * r + c] = camRt[4 * r] * headRt[c] + camRt[4 * r + 1] * headRt[4 + c] + camRt[4 * r + 2] * headRt[8 + c];
            o[4 * r + 3] = camRt[4 * r] * headRt[3] + camRt[4 * r + 1] * headRt[7] + camRt[4 * r + 2] * headRt[11] + camRt[4 * r + 3];
        }
        return o;
    }

    /// <summary>Camera centre in world coordinates: -R_C^T t_C.</summary>
    public static double[] CameraPosition(double[] camRt)
    {
        var p = new double[3];
        for (int c = 0; c < 3; c++)
            p[c] = -(camRt[c] * camRt[3] + camRt[4 + c] * camRt[7] + camRt[8 + c] * camRt[11]);
        return p;
    }

    /// <summary>view = normalize(R_f^T (campos - t_f)): unit direction to the camera in the head frame.</summary>
    public static double[] ViewDirection(double[] camRt, double[] headRt)
    {
        var cp = CameraPosition(camRt);
        double dx = cp[0] - headRt[3], dy = cp[1] - headRt[7], dz = cp[2] - headRt[11];
        var v = new double[3];
        for (int c = 0; c < 3; c++) v[c] = headRt[c] * dx + headRt[4 + c] * dy + headRt[8 + c] * dz;
        var n = Math.Sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (n == 0) throw new ArgumentException("camera centre coincides with the head origin; the view direction is undefined");
        return [v[0] / n, v[1] / n, v[2] / n];
    }

    /// <summary>Pixel coordinates (x right, y down, continuous: pixel (i,j) covers [j, j+1) x [i, i+1)) of a head-frame point.</summary>
    public static (double X, double Y, double Depth) Project(double[] m, double x, double y, double z)
    {
        double u = m[0] * x + m[1] * y + m[2] * z + m[3];
        double v = m[4] * x + m[5] * y + m[6] * z + m[7];
        double w = m[8] * x + m[9] * y + m[10] * z + m[11];
        return (u / w, v / w, w);
    }
}
