using System.Globalization;

namespace Privatar.Data.Generator;

/// <summary>
/// The procedural subject's segments: 65 named expressions (numbered like the real list, E001-E065 without
/// E058 plus E074; only a few names, e.g. E001, E057, E061, E074, are the real ones) and a range-of-motion
/// test segment. Each expression is a peak vector over <see cref="Bases"/>, and each frame a point on its ramp.
/// </summary>
public static class ExpressionCatalog
{
    public const string RomSegment = "EXP_ROM07_Facial_Expressions";

    public static readonly string[] Bases =
    [
        "jaw", "smile", "pucker", "cheeks_puff", "lips_puff", "brow_raise", "brow_furrow", "eyes_closed",
        "squint", "nose_wrinkle", "mouth_left", "mouth_right", "mouth_stretch", "lips_press", "jaw_shift",
    ];

    static readonly (string Name, string Peak)[] Specs =
    [
        ("E001_Neutral_Eyes_Open", ""), ("E002_Swallow", "lips_press=0.6 jaw=0.1"),
        ("E003_Neutral_Eyes_Closed", "eyes_closed=1"), ("E004_Relaxed_Mouth_Open", "jaw=0.45"),
        ("E005_Jaw_Open", "jaw=1"), ("E006_Jaw_Drop_Brows_Up", "jaw=1 brow_raise=1"),
        ("E007_Smile_Mouth_Closed", "smile=1"), ("E008_Smile_Mouth_Open", "smile=1 jaw=0.6"),
        ("E009_Big_Smile_Squint", "smile=1 squint=0.8 cheeks_puff=0.2"), ("E010_Brows_Up", "brow_raise=1"),
        ("E011_Brows_Down_Frown", "brow_furrow=1"), ("E012_Angry_Lips_Pressed", "brow_furrow=1 lips_press=0.8"),
        ("E013_Surprise", "brow_raise=1 jaw=0.7"), ("E014_Disgust_Nose_Wrinkle", "nose_wrinkle=1 brow_furrow=0.5 mouth_stretch=0.3"),
        ("E015_Sad_Brows_Inner_Up", "brow_raise=0.5 brow_furrow=0.4 lips_press=0.3"), ("E016_Fear_Mouth_Stretch", "brow_raise=0.8 mouth_stretch=1 jaw=0.3"),
        ("E017_Kiss_Pucker", "pucker=1"), ("E018_Lip_Funnel", "pucker=0.7 jaw=0.4"),
        ("E019_Mouth_Left", "mouth_left=1"), ("E020_Mouth_Right", "mouth_right=1"),
        ("E021_Jaw_Left", "jaw_shift=-1 jaw=0.2"), ("E022_Jaw_Right", "jaw_shift=1 jaw=0.2"),
        ("E023_Squint", "squint=1"), ("E024_Squint_Brows_Down", "squint=1 brow_furrow=0.6"),
        ("E025_Lips_Pressed", "lips_press=1"), ("E026_Grimace", "mouth_stretch=1 jaw=0.25 nose_wrinkle=0.3"),
        ("E027_Smile_Left", "smile=0.6 mouth_left=0.6"), ("E028_Smile_Right", "smile=0.6 mouth_right=0.6"),
        ("E029_Yawn", "jaw=1 eyes_closed=0.7 brow_raise=0.3"), ("E030_Eyes_Closed_Smile", "eyes_closed=1 smile=0.8"),
        ("E031_Eyes_Closed_Jaw_Open", "eyes_closed=1 jaw=0.8"), ("E032_Brows_Up_Lips_Pressed", "brow_raise=1 lips_press=0.8"),
        ("E033_Frown_Mouth_Open", "brow_furrow=1 jaw=0.6"), ("E034_Pucker_Left", "pucker=0.8 mouth_left=0.7"),
        ("E035_Pucker_Right", "pucker=0.8 mouth_right=0.7"), ("E036_Nose_Wrinkle_Smile", "nose_wrinkle=0.9 smile=0.7"),
        ("E037_Mouth_Stretch", "mouth_stretch=1"), ("E038_Mouth_Stretch_Brows_Up", "mouth_stretch=0.8 brow_raise=0.8"),
        ("E039_Half_Open_Squint", "jaw=0.5 squint=0.7"), ("E040_Jaw_Open_Pucker", "jaw=0.7 pucker=0.6"),
        ("E041_Open_Smile_Squint", "jaw=0.8 smile=0.8 squint=0.5"), ("E042_Cheeks_Sucked_In", "cheeks_puff=-0.7 pucker=0.4"),
        ("E043_Lips_Rolled_In", "lips_press=1 jaw=0.15 mouth_stretch=0.2"), ("E044_Chin_Raise", "lips_press=0.6 pucker=0.3 brow_furrow=0.2"),
        ("E045_Upper_Lip_Raise", "nose_wrinkle=0.6 mouth_stretch=0.4"), ("E046_Lower_Lip_Depress", "jaw=0.3 mouth_stretch=0.6"),
        ("E047_Smile_Brows_Up", "smile=0.9 brow_raise=0.8"), ("E048_Frown_Pucker", "brow_furrow=0.9 pucker=0.7"),
        ("E049_Eyes_Closed_Frown", "eyes_closed=1 brow_furrow=0.9"), ("E050_Eyes_Closed_Brows_Up", "eyes_closed=1 brow_raise=0.9"),
        ("E051_Jaw_Left_Mouth_Open", "jaw_shift=-1 jaw=0.7"), ("E052_Jaw_Right_Mouth_Open", "jaw_shift=1 jaw=0.7"),
        ("E053_Mouth_Left_Squint", "mouth_left=0.9 squint=0.8"), ("E054_Mouth_Right_Squint", "mouth_right=0.9 squint=0.8"),
        ("E055_Scream", "jaw=1 mouth_stretch=0.8 brow_raise=0.6 squint=0.4"), ("E056_Mouth_Open_Lips_Forward", "jaw=0.6 pucker=0.3 lips_puff=0.3"),
        ("E057_Cheeks_Puffed", "cheeks_puff=1 lips_press=0.5"), ("E059_Cheek_Puff_Left", "cheeks_puff=0.6 mouth_right=0.5"),
        ("E060_Cheek_Puff_Right", "cheeks_puff=0.6 mouth_left=0.5"), ("E061_Lips_Puffed", "lips_puff=1 pucker=0.3"),
        ("E062_Lips_Puffed_Brows_Up", "lips_puff=0.9 brow_raise=0.8"), ("E063_Smile_Nose_Wrinkle_Squint", "smile=0.8 nose_wrinkle=0.6 squint=0.7"),
        ("E064_Sneer_Left", "nose_wrinkle=0.8 mouth_left=0.5"), ("E065_Sneer_Right", "nose_wrinkle=0.8 mouth_right=0.5"),
        ("E074_Blink", "eyes_closed=1 squint=0.3"),
    ];

    public static int MaxExpressions => Specs.Length;

    public static string Name(int expression) => Specs[expression].Name;

    /// <summary>Peak coefficients of an expression: its spec plus a small seeded offset so that no two coincide.</summary>
    public static double[] Peak(int expression, int seed)
    {
        var peak = new double[Bases.Length];
        foreach (var term in Specs[expression].Peak.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = term.Split('=');
            peak[Array.IndexOf(Bases, kv[0])] = double.Parse(kv[1], CultureInfo.InvariantCulture);
        }
        for (int b = 0; b < peak.Length; b++) peak[b] += 0.08 * Hash.Gauss(seed, 101, expression * 64 + b);
        return peak;
    }

    /// <summary>Frame t of F: a ramp to the peak at t = F/2 and back, plus per-frame jitter.</summary>
    public static double[] ExpressionFrame(int expression, int t, int frames, int seed, long frameId)
    {
        var peak = Peak(expression, seed);
        double s = (t + 0.5) / frames, ramp = frames == 1 ? 1 : Math.Pow(Math.Sin(Math.PI * s), 0.6);
        var c = new double[peak.Length];
        for (int b = 0; b < c.Length; b++) c[b] = ramp * peak[b] + 0.04 * Hash.Gauss(seed, 202, frameId * 64 + b);
        return c;
    }

    /// <summary>Range of motion: the bases peak one after another, neighbours overlapping.</summary>
    public static double[] RomFrame(int t, int frames, int seed, long frameId)
    {
        double phase = (t + 0.5) / frames * Bases.Length;
        var c = new double[Bases.Length];
        for (int b = 0; b < c.Length; b++)
        {
            double x = phase - (b + 0.5);
            c[b] = (Math.Abs(x) < 1.5 ? Math.Pow(Math.Cos(Math.PI * x / 3), 2) : 0) + 0.04 * Hash.Gauss(seed, 303, frameId * 64 + b);
        }
        return c;
    }
}
