using System.Text;
using Privatar.Core;

namespace Privatar.Data.Format;

/// <summary>One calibrated camera: intrinsics K (3x3), unused distortion, extrinsics [R_C | t_C] (3x4), row-major.</summary>
public sealed record Camera(string Name, double[] K, double[] Distortion, double[] Rt);

/// <summary>
/// The KRT calibration file: per camera a name line, three lines of K, one distortion line, three lines of
/// [R|t] and a blank line. A camera's index is its position in the file.
/// </summary>
public static class KrtFile
{
    public static IReadOnlyList<Camera> Read(string path)
    {
        var lines = TextParsing.ReadLines(path, "the KRT camera calibration file");
        var cams = new List<Camera>();
        int i = 0;
        while (true)
        {
            while (i < lines.Length && lines[i].Trim().Length == 0) i++;
            if (i >= lines.Length) break;
            var name = lines[i].Trim();
            if (TextParsing.Tokens(name).Length != 1)
                throw new FormatException($"{path}:{i + 1}: expected a camera name line (one token), found '{name}'");
            var k = new double[9];
            for (int r = 0; r < 3; r++)
                TextParsing.Numbers(lines, i + 1 + r, 3, path, $"row {r + 1} of intrinsics K of camera {name}").CopyTo(k, 3 * r);
            if (i + 4 >= lines.Length) throw new FormatException($"{path}:{i + 5}: file ends early; expected the distortion line of camera {name}");
            var dist = TextParsing.Tokens(lines[i + 4]).Length == 0
                ? [] : TextParsing.Numbers(lines, i + 4, TextParsing.Tokens(lines[i + 4]).Length, path, $"distortion of camera {name}");
            var rt = new double[12];
            for (int r = 0; r < 3; r++)
                TextParsing.Numbers(lines, i + 5 + r, 4, path, $"row {r + 1} of extrinsics [R|t] of camera {name}").CopyTo(rt, 4 * r);
            if (cams.Any(c => c.Name == name)) throw new FormatException($"{path}:{i + 1}: camera {name} appears twice");
            cams.Add(new Camera(name, k, dist, rt));
            i += 8;
        }
        if (cams.Count == 0) throw new InvalidDataException($"{path}: no cameras; expected blocks of 9 lines (name, K, distortion, [R|t], blank)");
        return cams;
    }

    public static void Write(string path, IEnumerable<Camera> cameras)
    {
        var sb = new StringBuilder();
        foreach (var c in cameras)
        {
            sb.Append(c.Name).Append('\n');
            for (int r = 0; r < 3; r++) sb.Append(Row(c.K, 3 * r, 3));
            sb.Append(Row(c.Distortion, 0, c.Distortion.Length));
            for (int r = 0; r < 3; r++) sb.Append(Row(c.Rt, 4 * r, 4));
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    static string Row(double[] v, int start, int n) =>
        string.Join(' ', v.Skip(start).Take(n).Select(Invariant.Format)) + "\n";
}
