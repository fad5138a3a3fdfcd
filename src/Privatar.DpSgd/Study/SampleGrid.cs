using Privatar.Core;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Training;
using Privatar.Mnist;

namespace Privatar.DpSgd.Study;

/// <summary>
/// A sample grid of a synthetic set: one row per class (0 at the top), the first <c>columns</c> images of that class,
/// grey on a white 2-pixel gutter. Images are stored class by class, <c>perClass</c> each (as Synthesis writes them).
/// </summary>
public static class SampleGrid
{
    public const int DefaultColumns = 10;
    const int Gap = 2;

    /// <param name="vaeTargets">The VAE's training fidelity: corrected images are standardised and are mapped back to pixels for display.</param>
    public static RgbImage Render(LabeledImages images, int perClass, int columns, Fidelity vaeTargets)
    {
        if (columns < 1 || columns > perClass) throw new ArgumentException($"grid columns: expected 1..{perClass}, got {columns}");
        if (images.Count < Synthesis.Classes * perClass)
            throw new ArgumentException($"sample grid: {images.Count} images, expected {Synthesis.Classes} classes x {perClass}");
        int h = images.Height, w = images.Width;
        var grid = new RgbImage(Gap + columns * (w + Gap), Gap + Synthesis.Classes * (h + Gap));
        Array.Fill(grid.Pixels, (byte)255);
        var px = images.Images.ToFloats();
        for (var c = 0; c < Synthesis.Classes; c++)
            for (var k = 0; k < columns; k++)
            {
                var first = (c * perClass + k) * h * w;
                for (var y = 0; y < h; y++)
                    for (var x = 0; x < w; x++)
                    {
                        var v = Grey(px[first + y * w + x], vaeTargets);
                        grid.Set(Gap + k * (w + Gap) + x, Gap + c * (h + Gap) + y, v, v, v);
                    }
            }
        return grid;
    }

    /// <summary>A stored value → an 8-bit grey level (pixels clamped to [0, 1]).</summary>
    public static byte Grey(float value, Fidelity vaeTargets)
    {
        var p = vaeTargets == Fidelity.Corrected ? value * MnistTensors.Std + MnistTensors.Mean : value;
        return (byte)Math.Round(255 * Math.Clamp(p, 0, 1));
    }
}
