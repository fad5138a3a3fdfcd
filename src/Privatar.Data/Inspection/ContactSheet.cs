using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;

namespace Privatar.Data.Inspection;

/// <summary>
/// A grid of tiles, one per expression (its attack frame): average texture, the frontal per-view texture, the
/// frontal photo and the photo of the most lateral camera, each box-filtered into a square cell.
/// </summary>
public static class ContactSheet
{
    public static (RgbImage Image, IReadOnlyList<string> Legend) Build(MultifaceDataset ds, int cell = 96, int tilesPerRow = 5)
    {
        if (cell < 8 || tilesPerRow < 1) throw new ArgumentException($"contact sheet: cell must be >= 8 and tiles per row >= 1, got {cell} and {tilesPerRow}");
        var frames = ds.AttackFrames.Count > 0 ? ds.AttackFrames : ds.Frames.GroupBy(f => f.Expression).Select(g => g.First()).ToArray();
        var (frontal, lateral) = PickCameras(ds);
        const int gap = 4;
        int tileW = 4 * cell + 3, rows = (frames.Count + tilesPerRow - 1) / tilesPerRow;
        var sheet = new RgbImage(tilesPerRow * (tileW + gap) + gap, rows * (cell + gap) + gap);
        Array.Fill(sheet.Pixels, (byte)255);
        var legend = new List<string>();
        for (int i = 0; i < frames.Count; i++)
        {
            var (exp, frame) = frames[i];
            int x0 = gap + (i % tilesPerRow) * (tileW + gap), y0 = gap + (i / tilesPerRow) * (cell + gap);
            var images = new[]
            {
                Png.Read(ds.Layout.AverageTexture(exp, frame)),
                Png.Read(ds.Layout.Texture(exp, frontal, frame)),
                Png.Read(ds.Layout.Photo(exp, frontal, frame)),
                Png.Read(ds.Layout.Photo(exp, lateral, frame)),
            };
            for (int k = 0; k < images.Length; k++) Blit(sheet, images[k], x0 + k * (cell + 1), y0, cell);
            legend.Add($"row {i / tilesPerRow + 1}, tile {i % tilesPerRow + 1}: {exp} {frame}");
        }
        legend.Insert(0, $"each tile: average texture | texture from {frontal} | photo from {frontal} | photo from {lateral}");
        return (sheet, legend);
    }

    /// <summary>The attack camera (or the first camera) and the camera looking from furthest to the side.</summary>
    static (string Frontal, string Lateral) PickCameras(MultifaceDataset ds)
    {
        var frontal = ds.CameraSets.TryGetValue("attack", out var a) && a.Count > 0 ? a[0] : ds.Cameras[0].Name;
        var lateral = ds.Cameras.OrderByDescending(c => Math.Abs(CameraGeometry.CameraPosition(c.Rt)[0]))
            .ThenBy(c => c.Name, StringComparer.Ordinal).First().Name;
        return (frontal, lateral);
    }

    /// <summary>Scales src to fit a cell x cell square (aspect kept, centred) by averaging the source pixels each target covers.</summary>
    static void Blit(RgbImage dst, RgbImage src, int x0, int y0, int cell)
    {
        double scale = Math.Max(src.Width, src.Height) / (double)cell;
        int w = (int)Math.Round(src.Width / scale), h = (int)Math.Round(src.Height / scale);
        int ox = x0 + (cell - w) / 2, oy = y0 + (cell - h) / 2;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int sx0 = (int)(x * scale), sx1 = Math.Max(sx0 + 1, Math.Min(src.Width, (int)((x + 1) * scale)));
                int sy0 = (int)(y * scale), sy1 = Math.Max(sy0 + 1, Math.Min(src.Height, (int)((y + 1) * scale)));
                int r = 0, g = 0, b = 0, n = 0;
                for (int sy = sy0; sy < sy1; sy++)
                    for (int sx = sx0; sx < sx1; sx++)
                    {
                        int o = src.Offset(sx, sy);
                        r += src.Pixels[o]; g += src.Pixels[o + 1]; b += src.Pixels[o + 2]; n++;
                    }
                dst.Set(ox + x, oy + y, (byte)(r / n), (byte)(g / n), (byte)(b / n));
            }
    }
}
