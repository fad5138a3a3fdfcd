using Privatar.Data.Format;

namespace Privatar.Data.Generator;

/// <summary>
/// The procedural head: a (rows x cols) grid over a deformed ellipsoid in millimetres (head frame: x toward the
/// subject's left as seen by the frontal camera, y up, z out of the face), with one UV per vertex, and one smooth
/// displacement field per expression basis. Features are placed in face coordinates (u across, v up, 0..1, uniform
/// in angle); the grid is denser in the middle (<see cref="Warp"/>), so the face gets more vertices and texels than
/// the back of the head, as in the real mesh and UV layout.
/// </summary>
public sealed class HeadModel
{
    public const double UvMargin = 0.02;
    /// <summary>d(face)/d(grid) at the centre: the face is magnified 1 / 0.45 in the texture.</summary>
    public const double CentreSlope = 0.45;
    const double ThetaSpan = 3.8, PhiSpan = 2.5, A = 78, B = 105, C = 92;

    // A Gaussian bump in grid coordinates; Mirror puts a copy at 0.5 - Du with dx negated.
    readonly record struct Bump(double Du, double Cv, double Su, double Sv, double Dx, double Dy, double Dz, double Radial, bool Mirror);

    static readonly Bump[] Face =
    [
        new(0, .46, .035, .07, 0, 0, 0, 24, false), new(0, .43, .025, .03, 0, 0, 0, 6, false),   // nose, tip
        new(.09, .585, .04, .025, 0, 0, 0, -9, true), new(.09, .655, .06, .02, 0, 0, 0, 4, true), // eye sockets, brow ridge
        new(.14, .48, .05, .05, 0, 0, 0, 5, true), new(0, .30, .05, .025, 0, 0, 0, 5, false),     // cheekbones, lips
        new(0, .16, .06, .05, 0, 0, 0, 7, false),                                                  // chin
    ];

    static readonly Bump[][] BasisBumps =
    [
        [new(0, .12, .18, .13, 0, -14, -3, 0, false), new(0, .28, .07, .03, 0, -4, 0, 0, false)],          // jaw
        [new(.065, .30, .03, .03, 5, 4, -1, 0, true), new(.13, .40, .05, .05, 0, 3, 0, 2, true)],           // smile
        [new(0, .30, .05, .03, 0, 0, 7, 0, false), new(.06, .30, .03, .03, -4, 0, 0, 0, true)],             // pucker
        [new(.14, .36, .06, .06, 0, 0, 0, 11, true)],                                                        // cheeks_puff
        [new(0, .29, .08, .05, 0, -1, 0, 8, false)],                                                         // lips_puff
        [new(.09, .67, .07, .035, 0, 6, 0, 0, true), new(0, .78, .2, .06, 0, 2, 0, 0, false)],              // brow_raise
        [new(.045, .655, .03, .03, -3, -3, 1, 0, true)],                                                     // brow_furrow
        [new(.09, .595, .035, .015, 0, -3, 1, 0, true)],                                                     // eyes_closed
        [new(.09, .565, .035, .015, 0, 2, 0, 0, true), new(.12, .47, .04, .04, 0, 2, 0, 0, true)],          // squint
        [new(0, .52, .035, .03, 0, 3, -1, 0, false), new(.035, .46, .02, .02, 2, 0, 0, 0, true)],           // nose_wrinkle
        [new(0, .30, .07, .05, 7, 0, 0, 0, false)],                                                          // mouth_left
        [new(0, .30, .07, .05, -7, 0, 0, 0, false)],                                                         // mouth_right
        [new(.07, .29, .03, .03, 5, -3, 0, 0, true), new(0, .2, .1, .05, 0, -2, 0, 0, false)],              // mouth_stretch
        [new(0, .315, .05, .012, 0, -1.5, -1, 0, false), new(0, .285, .05, .012, 0, 1.5, -1, 0, false)],    // lips_press
        [new(0, .14, .18, .14, 6, 0, 0, 0, false)],                                                          // jaw_shift
    ];

    readonly float[] _base;
    readonly float[][] _basis;

    public HeadModel(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        int n = rows * cols;
        _base = new float[3 * n];
        _basis = BasisBumps.Select(_ => new float[3 * n]).ToArray();
        var uvs = new float[2 * n];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                int k = i * cols + j;
                double u = (double)j / (cols - 1), v = (double)i / (rows - 1);
                uvs[2 * k] = (float)(UvMargin + (1 - 2 * UvMargin) * u);
                uvs[2 * k + 1] = (float)(UvMargin + (1 - 2 * UvMargin) * v);
                double fu = Warp(u), fv = Warp(v);
                var (p, nrm) = Ellipsoid(fu, fv);
                var pos = Apply(Face, fu, fv, nrm, p);
                for (int c = 0; c < 3; c++) _base[3 * k + c] = (float)pos[c];
                for (int b = 0; b < _basis.Length; b++)
                {
                    var d = Apply(BasisBumps[b], fu, fv, nrm, [0, 0, 0]);
                    for (int c = 0; c < 3; c++) _basis[b][3 * k + c] = (float)d[c];
                }
            }
        var vid = new int[6 * (rows - 1) * (cols - 1)];
        for (int i = 0, f = 0; i < rows - 1; i++)
            for (int j = 0; j < cols - 1; j++, f += 2)
            {
                int a = i * cols + j, b = a + 1, c = a + cols + 1, d = a + cols;
                (vid[3 * f], vid[3 * f + 1], vid[3 * f + 2]) = (a, b, c);      // lower-right triangle of the cell
                (vid[3 * f + 3], vid[3 * f + 4], vid[3 * f + 5]) = (a, c, d);  // upper-left triangle
            }
        Topology = new MeshTopology(n, uvs, vid, (int[])vid.Clone());
    }

    public int Rows { get; }
    public int Cols { get; }
    public MeshTopology Topology { get; }

    /// <summary>Head-frame vertex positions (V x 3, mm) for blendshape coefficients over <see cref="ExpressionCatalog.Bases"/>.</summary>
    public float[] Positions(double[] coeffs)
    {
        var p = (float[])_base.Clone();
        for (int b = 0; b < _basis.Length; b++)
        {
            float w = (float)coeffs[b];
            if (w == 0) continue;
            var d = _basis[b];
            for (int i = 0; i < p.Length; i++) p[i] += w * d[i];
        }
        return p;
    }

    /// <summary>Grid coordinates (0..1) of a texture coordinate, or false outside the UV chart.</summary>
    public static bool UvToGrid(double uTex, double vTex, out double u, out double v)
    {
        u = (uTex - UvMargin) / (1 - 2 * UvMargin);
        v = (vTex - UvMargin) / (1 - 2 * UvMargin);
        return u is >= 0 and <= 1 && v is >= 0 and <= 1;
    }

    /// <summary>Grid coordinate to face coordinate: s (a + (1 - a) s^2) around the centre, slope 0.45 there.</summary>
    public static double Warp(double g)
    {
        double s = 2 * g - 1;
        return 0.5 + 0.5 * s * (CentreSlope + (1 - CentreSlope) * s * s);
    }

    static (double[] P, double[] N) Ellipsoid(double u, double v)
    {
        double th = (u - 0.5) * ThetaSpan, ph = (v - 0.5) * PhiSpan;
        double a = A * (1 - 0.09 * (1 - Math.Sin(ph)));            // narrower toward the jaw, smoothly
        var p = new[] { a * Math.Cos(ph) * Math.Sin(th), B * Math.Sin(ph), C * Math.Cos(ph) * Math.Cos(th) };
        var n = new[] { p[0] / (a * a), p[1] / (B * B), p[2] / (C * C) };
        var len = Math.Sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        return (p, [n[0] / len, n[1] / len, n[2] / len]);
    }

    static double[] Apply(Bump[] bumps, double u, double v, double[] n, double[] p)
    {
        var o = (double[])p.Clone();
        foreach (var b in bumps)
            foreach (var side in b.Mirror ? new[] { 1, -1 } : [1])
            {
                double du = (u - (0.5 + side * b.Du)) / b.Su, dv = (v - b.Cv) / b.Sv;
                double w = Math.Exp(-0.5 * (du * du + dv * dv));
                o[0] += w * (side * b.Dx + b.Radial * n[0]);
                o[1] += w * (b.Dy + b.Radial * n[1]);
                o[2] += w * (b.Dz + b.Radial * n[2]);
            }
        return o;
    }
}
