using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Generator;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Generator;

/// <summary>What the attacks need: expressions change both the low and the high frequencies of the texture.</summary>
public sealed class ExpressionContentTests
{
    static readonly GeneratorConfig Cfg = new()
    {
        Seed = 3, TextureSize = 64, PhotoWidth = 48, PhotoHeight = 64, MeshRows = 20, MeshCols = 24, Cameras = 2, Threads = 2,
    };

    /// <summary>Energy of a difference image split at 4x4 blocks: block means (low) and the remainder (high).</summary>
    static (double Low, double High) Energies(RgbImage a, RgbImage b)
    {
        int n = a.Width;
        double low = 0, high = 0;
        for (int by = 0; by < n; by += 4)
            for (int bx = 0; bx < n; bx += 4)
                for (int c = 0; c < 3; c++)
                {
                    var d = new List<double>();
                    for (int y = by; y < by + 4; y++)
                        for (int x = bx; x < bx + 4; x++)
                        {
                            int o = a.Offset(x, y) + c;
                            d.Add(a.Pixels[o] == 0 || b.Pixels[o] == 0 ? 0 : a.Pixels[o] - b.Pixels[o]);
                        }
                    double mean = d.Average();
                    low += 16 * mean * mean;
                    high += d.Sum(x => (x - mean) * (x - mean));
                }
        return (low, high);
    }

    [Fact]
    public void Should_Change_Low_And_High_Frequencies_Far_More_Across_Expressions_Than_Across_Frames()
    {
        // Given: neutral (E001) at two frames, and E006 (jaw drop, brows up) and E012 (frown, lips pressed) at their peaks
        var head = new HeadModel(Cfg.MeshRows, Cfg.MeshCols);
        var r = MultifaceGenerator.CreateRenderer(Cfg, head, CameraRig.Build(Cfg));
        RgbImage Avg(int e, int t) =>
            r.Render(ExpressionCatalog.ExpressionFrame(e, t, 3, Cfg.Seed, 10 * e + t), CameraRig.HeadPose(10 * e + t, Cfg.Seed)).Average;
        var neutral0 = Avg(0, 1);

        // When
        var sameExpr = Energies(neutral0, Avg(0, 0));
        var jawBrows = Energies(neutral0, Avg(5, 1));
        var frown = Energies(neutral0, Avg(11, 1));

        // Then
        Assert.True(jawBrows.Low > 20 * sameExpr.Low && frown.Low > 20 * sameExpr.Low, $"low: {jawBrows.Low} {frown.Low} vs {sameExpr.Low}");
        Assert.True(jawBrows.High > 20 * sameExpr.High && frown.High > 20 * sameExpr.High, $"high: {jawBrows.High} {frown.High} vs {sameExpr.High}");
    }
}
