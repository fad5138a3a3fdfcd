namespace Privatar.Data.Generator;

/// <summary>
/// The subject's albedo as a function of face coordinates (u, v), texel position and expression. Low frequencies
/// (skin tone, cheek flush, eye and mouth regions) and high frequencies (wrinkles, brow hairs, lid lines, lip lines)
/// both follow the expression; pores and freckles are the fixed identity detail. Periods of fine detail are in
/// texels (texelsPerUnit = texels per face-coordinate unit near the centre), so every texture size carries it.
/// </summary>
public sealed class SkinModel(int seed, double texelsPerUnit)
{
    const int Jaw = 0, Smile = 1, Pucker = 2, Cheeks = 3, LipsPuff = 4, BrowUp = 5, Furrow = 6, EyesClosed = 7,
        Squint = 8, Nose = 9, Stretch = 12, Press = 13;

    /// <summary>RGB in 0..255 (unclamped) at face coordinates (u, v); (tx, ty) is the texel position, used by fine detail.</summary>
    public (double R, double G, double B) Albedo(double u, double v, double tx, double ty, double[] c)
    {
        double ex = u - 0.5, ax = Math.Abs(ex), side = Math.Sign(ex);
        double r = 198, g = 150, b = 124;

        // low frequency: tone map, cheek flush (puffing and smiling redden it), darker jaw line
        double fore = G(ex, v - 0.78, 0.2, 0.1), cheek = G(ax - 0.14, v - 0.40, 0.06, 0.06), jaw = G(ex, v - 0.13, 0.14, 0.07);
        double flush = (16 + 30 * Pos(c[Cheeks]) + 14 * Pos(c[Smile])) * cheek;
        r += 10 * fore + flush - 14 * jaw; g += 8 * fore - 0.7 * flush - 14 * jaw; b += 6 * fore - 0.5 * flush - 10 * jaw;
        double mottle = 5 * (Noise(u * 9, v * 9, 1) - 0.5);
        r += mottle; g += 0.8 * mottle; b += 0.6 * mottle;

        // identity fine detail: pores and a few freckles
        double pore = 7 * Hash.Signed(seed, 7, (long)Math.Floor(tx), (long)Math.Floor(ty));
        double freckle = Math.Max(0, Noise(u * 60, v * 60, 2) - 0.8) * 120;
        r += pore - freckle; g += pore - freckle; b += pore - 0.8 * freckle;

        // expression wrinkles (high frequency, darkening)
        double wrinkle =
            35 * Pos(c[BrowUp]) * G(ex, v - 0.77, 0.12, 0.045) * Wave(ty / 5 + 0.6 * Math.Sin(18 * ex))
            + 40 * Pos(c[Furrow]) * G(ex, v - 0.64, 0.022, 0.03) * Wave(tx / 3.2)
            + 30 * Pos(c[Smile] + c[Squint]) * G(ax - 0.145, v - 0.58, 0.025, 0.03) * Wave((side * tx + ty) / 4)
            + 40 * Pos(c[Smile]) * Line(ax, v, 0.045, 0.42, 0.075, 0.30, texelsPerUnit)
            + 35 * Pos(c[Nose]) * G(ex, v - 0.52, 0.03, 0.025) * Wave(ty / 3)
            + 25 * Pos(c[Press]) * G(ex, v - 0.22, 0.04, 0.03) * Hash.Unit(seed, 9, (long)Math.Floor(tx / 2), (long)Math.Floor(ty / 2));
        r -= wrinkle; g -= wrinkle; b -= 0.9 * wrinkle;

        // eyebrows with hair stripes; they rise and draw together with the expression
        double by = v - (0.665 + 0.02 * c[BrowUp] - 0.012 * Pos(c[Furrow])), bx = ax - 0.09 + 0.01 * Pos(c[Furrow]);
        double brow = Soft(Math.Sqrt(Sq(bx / 0.05) + Sq(by / 0.012))) * (0.7 + 0.3 * Wave(tx / 2.5 + ty / 7));
        (r, g, b) = Mix((r, g, b), (70, 52, 42), brow);

        // eyes: open eye shows sclera and iris; closing leaves skin with a dark lid line
        double open = Math.Clamp(1 - c[EyesClosed] - 0.45 * c[Squint] - 0.15 * Pos(c[Smile]), 0, 1);
        double eu = ax - 0.09, ev = v - 0.585;
        if (open > 0.02)
        {
            double e = Math.Sqrt(Sq(eu / 0.035) + Sq(ev / (0.017 * open)));
            double iris = Soft(Math.Sqrt(eu * eu + ev * ev) / 0.011), pupil = Soft(Math.Sqrt(eu * eu + ev * ev) / 0.005);
            var eye = Mix(Mix((235, 230, 225), (70, 92, 112), iris), (15, 15, 20), pupil);
            (r, g, b) = Mix((r, g, b), eye, Soft(e));
        }
        double lid = (1 - open) * (Math.Abs(eu) < 0.035 ? Math.Exp(-0.5 * Sq((ev * texelsPerUnit) / 0.8)) : 0);
        (r, g, b) = Mix((r, g, b), (60, 40, 40), 0.7 * lid);

        // mouth: lips, and when open a dark interior with the upper teeth
        double lw = 0.062 * (1 + 0.25 * c[Smile] + 0.2 * Pos(c[Stretch]) - 0.3 * Pos(c[Pucker]));
        double lh = 0.022 * Math.Max(0.3, 1 + 0.6 * c[LipsPuff] + 0.3 * Pos(c[Pucker]) - 0.5 * Pos(c[Press]));
        double lips = Soft(Math.Sqrt(Sq(ex / lw) + Sq((v - 0.30) / lh)));
        (r, g, b) = Mix((r, g, b), (178, 84, 86), lips * (1 - 0.25 * Pos(c[Pucker]) * Wave(tx / 3.5)));
        double oh = 0.018 * Pos(c[Jaw]) + 0.004 * Pos(c[Stretch]);
        if (oh > 0.001)
        {
            double inside = Soft(Math.Sqrt(Sq(ex / (0.8 * lw)) + Sq((v - 0.30) / oh)));
            bool teeth = c[Jaw] > 0.2 && v - 0.30 > 0.3 * oh;
            (r, g, b) = Mix((r, g, b), teeth ? (222, 216, 200) : (45, 20, 25), inside);
        }
        return (r, g, b);
    }

    static double Pos(double x) => Math.Max(0, x);
    static double Sq(double x) => x * x;
    static double G(double dx, double dy, double sx, double sy) => Math.Exp(-0.5 * (Sq(dx / sx) + Sq(dy / sy)));
    static double Wave(double cycles) => 0.5 + 0.5 * Math.Sin(2 * Math.PI * cycles);
    /// <summary>1 inside a unit ellipse radius, fading to 0 over the last 15%.</summary>
    static double Soft(double radius) => Math.Clamp((1 - radius) / 0.15, 0, 1);

    static (double, double, double) Mix((double R, double G, double B) a, (double R, double G, double B) b, double t) =>
        (a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    /// <summary>A line about one texel wide from (x0, y0) to (x1, y1) in face units; texelsPerUnit converts distance.</summary>
    static double Line(double x, double y, double x0, double y0, double x1, double y1, double texelsPerUnit)
    {
        double dx = x1 - x0, dy = y1 - y0, t = Math.Clamp(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0, 1);
        double d = Math.Sqrt(Sq(x - x0 - t * dx) + Sq(y - y0 - t * dy)) * texelsPerUnit;
        return Math.Exp(-0.5 * d * d);
    }

    /// <summary>Smooth value noise in [0, 1] on an integer lattice, fixed by the seed.</summary>
    double Noise(double x, double y, int channel)
    {
        long ix = (long)Math.Floor(x), iy = (long)Math.Floor(y);
        double fx = x - ix, fy = y - iy;
        fx = fx * fx * (3 - 2 * fx); fy = fy * fy * (3 - 2 * fy);
        double v00 = Hash.Unit(seed, channel, ix, iy), v10 = Hash.Unit(seed, channel, ix + 1, iy);
        double v01 = Hash.Unit(seed, channel, ix, iy + 1), v11 = Hash.Unit(seed, channel, ix + 1, iy + 1);
        return (v00 + (v10 - v00) * fx) + ((v01 + (v11 - v01) * fx) - (v00 + (v10 - v00) * fx)) * fy;
    }
}
