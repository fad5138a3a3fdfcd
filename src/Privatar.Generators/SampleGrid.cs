using Privatar.Core;

namespace Privatar.Generators;

/// <summary>
/// A synthetic set's sample grid: one row per class (0 at the top), that class's first <c>columns</c> images in set
/// order, grey on a white 2-pixel gutter (the MNIST study's layout, for sets in any label order).
/// </summary>
public static class SampleGrid
{
    public const int DefaultColumns = 10;
    const int Classes = 10;
    const int Gap = 2;

    public static RgbImage Render(SyntheticSet set, int columns = DefaultColumns)
    {
        if (columns < 1) throw new ArgumentException($"grid columns: expected >= 1, got {columns}");
        int h = set.Height, w = set.Width;
        var grid = new RgbImage(Gap + columns * (w + Gap), Gap + Classes * (h + Gap));
        Array.Fill(grid.Pixels, (byte)255);
        var placed = new int[Classes];
        for (var i = 0; i < set.Count; i++)
        {
            var c = (int)set.Labels[i];
            if (placed[c] == columns) continue;
            var k = placed[c]++;
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    var v = (byte)Math.Round(255 * Math.Clamp(set.Pixels[(i * h + y) * w + x], 0f, 1f));
                    grid.Set(Gap + k * (w + Gap) + x, Gap + c * (h + Gap) + y, v, v, v);
                }
        }
        return grid;
    }
}
