using Privatar.Results;

namespace Privatar.Figures;

/// <summary>One cell of the reconstruction grid: a test sample (row), a model/noise setting (column) and its render.</summary>
public sealed record GridCell(string Row, string Column, string Image, long Line);

/// <summary>
/// <c>results/reconstruction_grid.csv</c> (written by the NoisyInference step): header <c>row,column,image</c>, one
/// line per tile; <c>image</c> is a PNG path relative to the results folder. Not a numeric result family, so it is
/// not in <see cref="ResultFamilies.All"/>; it implements <see cref="IResultFamily"/> so a figure can list it as an input.
/// </summary>
public sealed class ReconstructionGridFile : IResultFamily
{
    public static ReconstructionGridFile Instance { get; } = new();

    public string FileName => "reconstruction_grid.csv";
    public string Description => "render of each test sample (row) under each model and noise setting (column), PNG paths relative to results/";
    public IReadOnlyList<string> Columns { get; } = ["row", "column", "image"];

    /// <summary>Reads and checks the grid: exact header, non-empty cells, unique (row, column), each PNG inside the results folder and present.</summary>
    public IReadOnlyList<GridCell> Read(string path)
    {
        var t = RawTable.Load(path);
        if (!t.Header.SequenceEqual(Columns))
            throw new InvalidDataException($"{path}:1: header is '{string.Join(",", t.Header)}'; expected 'row,column,image'");
        var dir = Path.GetFullPath(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var cells = new List<GridCell>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var (r, c, image, line) = (t.Rows[i][0], t.Rows[i][1], t.Rows[i][2], t.Lines[i]);
            if (r.Length == 0 || c.Length == 0 || image.Length == 0) throw new InvalidDataException($"{path}:{line}: row, column and image must all be non-empty");
            if (!seen.Add((r, c))) throw new InvalidDataException($"{path}:{line}: row '{r}', column '{c}' appears twice");
            var full = Path.GetFullPath(Path.Combine(dir, image));
            if (Path.IsPathRooted(image) || !full.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"{path}:{line}: image '{image}' must be a path relative to the results folder, inside it");
            if (!image.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException($"{path}:{line}: image '{image}' is not a .png");
            if (!File.Exists(full)) throw new InvalidDataException($"{path}:{line}: image '{image}' does not exist ({full})");
            cells.Add(new GridCell(r, c, full, line));
        }
        if (cells.Count == 0) throw new InvalidDataException($"{path}: no tiles");
        return cells;
    }

    public int Check(string path) => Read(path).Count;

    public void Canonicalize(string source, string destination)
    {
        Read(source);
        Core.AtomicFile.WriteAllText(destination, File.ReadAllText(source));
    }
}
