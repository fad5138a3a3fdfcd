using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>reconstruction_grid.csv</c>: one cell of the texture-and-render comparison grid (NoisyInference): a test sample (row)
/// shown by one source (column: the photo, a clean model or a noised one), as a PNG beside the table.
/// </summary>
[CsvRecord]
public sealed partial record ReconstructionGridRow : IValidatedRow
{
    /// <summary>Test sample label, e.g. <c>E003 000031 cam 400023</c>.</summary>
    [CsvColumn("row")] public string Row { get; init; } = "";
    /// <summary>What the cell shows: <c>ground truth</c>, <c>baseline</c>, <c>partition n=8</c>, <c>partition n=14 + pac MI=1 (corrected)</c>, ...</summary>
    [CsvColumn("column")] public string Column { get; init; } = "";
    /// <summary>PNG path relative to the results folder: <c>reconstruction_grid/r&lt;i&gt;_c&lt;j&gt;.png</c> (row i, column j, 0-based).</summary>
    [CsvColumn("image")] public string Image { get; init; } = "";

    /// <summary>The (row, column) position the image name encodes; the family's sort key.</summary>
    public (int Row, int Column) Cell
    {
        get
        {
            var m = System.Text.RegularExpressions.Regex.Match(Image, @"^reconstruction_grid/r(\d+)_c(\d+)\.png$");
            return m.Success ? (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (-1, -1);
        }
    }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.CheckNonEmpty(p, "row", Row);
        Vocabulary.CheckNonEmpty(p, "column", Column);
        if (Cell.Row < 0) p.Add($"column 'image' is '{Image}'; expected reconstruction_grid/r<i>_c<j>.png");
        return p;
    }
}
