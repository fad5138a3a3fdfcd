using System.Runtime.InteropServices;
using System.Text;
using Privatar.Core;

namespace Privatar.Data.Format;

/// <summary>An (expression, frame) pair from a frame list.</summary>
public sealed record FrameRef(string Expression, string Frame);

/// <summary>The small files: raw float32 vertices, one-scalar variances, 3x4 head poses and frame lists.</summary>
public static class RawFiles
{
    /// <summary>Little-endian float32 values; the count must match exactly.</summary>
    public static float[] ReadFloats(string path, int expectedCount, string countSource)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found (expected {expectedCount} float32 values)", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != expectedCount * 4)
            throw new InvalidDataException(
                $"{path}: {bytes.Length} bytes, expected {expectedCount} float32 values = {expectedCount * 4} bytes ({countSource})" +
                (bytes.Length < expectedCount * 4 ? "; the file is truncated" : ""));
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    /// <summary>Reads a float32 file whose length defines the count (vert_mean.bin: 3 floats per vertex).</summary>
    public static float[] ReadVertexFloats(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found (expected float32 x,y,z per vertex)", path);
        var len = new FileInfo(path).Length;
        if (len == 0 || len % 12 != 0)
            throw new InvalidDataException($"{path}: {len} bytes, expected a non-zero multiple of 12 (float32 x,y,z per vertex)");
        return ReadFloats(path, (int)(len / 4), "its own length");
    }

    public static void WriteFloats(string path, ReadOnlySpan<float> values) =>
        AtomicFile.WriteAllBytes(path, MemoryMarshal.AsBytes(values));

    public static double ReadScalar(string path, string what)
    {
        var lines = TextParsing.ReadLines(path, what);
        var nonEmpty = lines.Select((l, i) => (l, i)).Where(p => p.l.Trim().Length > 0).ToArray();
        if (nonEmpty.Length != 1) throw new FormatException($"{path}: expected one line holding {what}, found {nonEmpty.Length} non-empty lines");
        var v = TextParsing.Numbers(lines, nonEmpty[0].i, 1, path, what)[0];
        if (!(v > 0) || double.IsInfinity(v)) throw new InvalidDataException($"{path}:{nonEmpty[0].i + 1}: {what} must be positive and finite, found {v}");
        return v;
    }

    public static void WriteScalar(string path, double value) => AtomicFile.WriteAllText(path, Invariant.Format(value) + "\n");

    /// <summary>3 lines of 4 numbers, [R_f | t_f] (np.genfromtxt layout).</summary>
    public static double[] ReadTransform(string path)
    {
        var lines = TextParsing.ReadLines(path, "a 3x4 head pose [R|t]").Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length != 3) throw new FormatException($"{path}: expected 3 rows of a 3x4 head pose [R|t], found {lines.Length} non-empty lines");
        var m = new double[12];
        for (int r = 0; r < 3; r++) TextParsing.Numbers(lines, r, 4, path, $"row {r + 1} of the head pose [R|t]").CopyTo(m, 4 * r);
        return m;
    }

    public static void WriteTransform(string path, double[] m) => AtomicFile.WriteAllText(path, FormatTransform(m));

    public static string FormatTransform(double[] m)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < 3; r++) sb.Append(string.Join(' ', m.Skip(4 * r).Take(4).Select(Invariant.Format))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Lines "&lt;EXPRESSION&gt; &lt;FRAME&gt;"; blank lines are skipped; at least one entry is required.</summary>
    public static IReadOnlyList<FrameRef> ReadFrameList(string path)
    {
        var lines = TextParsing.ReadLines(path, "a frame list of '<EXPRESSION> <FRAME>' lines");
        var list = new List<FrameRef>();
        for (int i = 0; i < lines.Length; i++)
        {
            var t = TextParsing.Tokens(lines[i]);
            if (t.Length == 0) continue;
            if (t.Length != 2) throw new FormatException($"{path}:{i + 1}: expected '<EXPRESSION> <FRAME>', found '{lines[i].Trim()}'");
            list.Add(new FrameRef(t[0], t[1]));
        }
        if (list.Count == 0) throw new InvalidDataException($"{path}: the frame list is empty; expected at least one '<EXPRESSION> <FRAME>' line");
        return list;
    }

    public static void WriteFrameList(string path, IEnumerable<FrameRef> frames) =>
        AtomicFile.WriteAllText(path, string.Concat(frames.Select(f => f.Expression + " " + f.Frame + "\n")));
}
