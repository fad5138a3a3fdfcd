using System.Text;
using Privatar.Core;

namespace Privatar.Data.Format;

/// <summary>Fixed mesh topology, 0-indexed: UVs (Nuv x 2), per-face vertex ids and UV ids (F x 3), row-major.</summary>
public sealed record MeshTopology(int VertexCount, float[] Uvs, int[] VertIds, int[] UvIds)
{
    public int FaceCount => VertIds.Length / 3;
    public int UvCount => Uvs.Length / 2;
}

/// <summary>Wavefront .obj as Multiface writes it: <c>v x y z</c>, <c>vt u v</c>, <c>f v/vt v/vt v/vt</c> (1-based, triangles).</summary>
public static class ObjFile
{
    public static (MeshTopology Topology, float[] Positions) Read(string path)
    {
        var lines = TextParsing.ReadLines(path, "a tracked-mesh .obj file");
        var pos = new List<float>();
        var uvs = new List<float>();
        var faces = new List<(int V, int T, int Line)>();
        for (int i = 0; i < lines.Length; i++)
        {
            var t = TextParsing.Tokens(lines[i]);
            if (t.Length == 0) continue;
            switch (t[0])
            {
                case "v":
                    if (t.Length < 4) throw new FormatException($"{path}:{i + 1}: expected 'v x y z', found '{lines[i].Trim()}'");
                    for (int c = 1; c <= 3; c++) pos.Add((float)TextParsing.Number(t[c], path, i, "a vertex coordinate"));
                    break;
                case "vt":
                    if (t.Length < 3) throw new FormatException($"{path}:{i + 1}: expected 'vt u v', found '{lines[i].Trim()}'");
                    for (int c = 1; c <= 2; c++) uvs.Add((float)TextParsing.Number(t[c], path, i, "a texture coordinate"));
                    break;
                case "f":
                    if (t.Length != 4) throw new FormatException($"{path}:{i + 1}: expected a triangle 'f v/vt v/vt v/vt', found {t.Length - 1} corners");
                    for (int c = 1; c <= 3; c++)
                    {
                        var parts = t[c].Split('/');
                        if (parts.Length < 2 || parts[1].Length == 0)
                            throw new FormatException($"{path}:{i + 1}: expected face corner 'v/vt', found '{t[c]}'");
                        faces.Add((TextParsing.Int(parts[0], path, i, "a vertex index"), TextParsing.Int(parts[1], path, i, "a texture-coordinate index"), i));
                    }
                    break;
            }
        }
        int nv = pos.Count / 3, nt = uvs.Count / 2;
        if (nv == 0 || faces.Count == 0) throw new InvalidDataException($"{path}: expected vertices (v) and faces (f), found {nv} vertices and {faces.Count / 3} faces");
        var vid = new int[faces.Count];
        var tid = new int[faces.Count];
        for (int k = 0; k < faces.Count; k++)
        {
            var (v, tt, line) = faces[k];
            if (v < 1 || v > nv)
                throw new InvalidDataException($"{path}:{line + 1}: face vertex index {v} is out of range; expected 1..{nv} (the file has {nv} 'v' lines)");
            if (tt < 1 || tt > nt)
                throw new InvalidDataException($"{path}:{line + 1}: face texture-coordinate index {tt} is out of range; expected 1..{nt} (the file has {nt} 'vt' lines)");
            vid[k] = v - 1;
            tid[k] = tt - 1;
        }
        return (new MeshTopology(nv, uvs.ToArray(), vid, tid), pos.ToArray());
    }

    public static void Write(string path, MeshTopology topo, ReadOnlySpan<float> positions) =>
        AtomicFile.WriteAllText(path, Format(topo, positions));

    public static string Format(MeshTopology topo, ReadOnlySpan<float> positions)
    {
        var sb = new StringBuilder(topo.VertexCount * 40 + topo.FaceCount * 30);
        for (int i = 0; i < topo.VertexCount; i++)
            sb.Append("v ").Append(Invariant.Format(positions[3 * i])).Append(' ').Append(Invariant.Format(positions[3 * i + 1]))
              .Append(' ').Append(Invariant.Format(positions[3 * i + 2])).Append('\n');
        for (int i = 0; i < topo.UvCount; i++)
            sb.Append("vt ").Append(Invariant.Format(topo.Uvs[2 * i])).Append(' ').Append(Invariant.Format(topo.Uvs[2 * i + 1])).Append('\n');
        for (int f = 0; f < topo.FaceCount; f++)
        {
            sb.Append('f');
            for (int c = 0; c < 3; c++)
                sb.Append(' ').Append(topo.VertIds[3 * f + c] + 1).Append('/').Append(topo.UvIds[3 * f + c] + 1);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
