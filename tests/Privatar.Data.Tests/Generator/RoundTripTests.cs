using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Generator;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Generator;

/// <summary>Generator -> files -> reader: the fields the reader returns are the ones the generator produced.</summary>
public sealed class RoundTripTests(TinySubject subject) : IClassFixture<TinySubject>
{
    static readonly GeneratorConfig Cfg = TinySubject.Config;

    [Fact]
    public void Should_Take_Sizes_Counts_And_Splits_From_The_Data()
    {
        var ds = MultifaceDataset.Open(subject.Root);

        Assert.Equal((32, 32, 40, 56), (ds.TextureWidth, ds.TextureHeight, ds.PhotoWidth, ds.PhotoHeight));
        Assert.Equal(12 * 14, ds.VertexCount);
        Assert.Equal(2 * 11 * 13, ds.Statistics.Topology.FaceCount);
        Assert.Equal(6 * 2 + 3, ds.Frames.Count);
        Assert.Equal(3, ds.SplitFrames(Split.Test).Count);
        Assert.All(ds.SplitFrames(Split.Test), f => Assert.Equal(ExpressionCatalog.RomSegment, f.Expression));
        Assert.Equal(12 * 3, ds.Samples(Split.Train, "train").Count);
        Assert.Equal(["400023"], ds.CameraSet("attack"));
        // one frame per expression: the middle (peak) frame
        var plan = MultifaceGenerator.Plan(Cfg);
        Assert.Equal(Enumerable.Range(0, 6).Select(e => plan[2 * e + 1].Ref), ds.AttackFrames);
    }

    [Fact]
    public void Should_Return_The_Generated_Vertices_Pose_And_Textures_With_The_Original_Normalization()
    {
        // Given: the peak frame of E005_Jaw_Open seen by the frontal camera, re-rendered in memory
        var ds = MultifaceDataset.Open(subject.Root);
        var planned = MultifaceGenerator.Plan(Cfg)[2 * 4 + 1];
        var key = new SampleKey(planned.Ref.Expression, planned.Ref.Frame, CameraRig.FrontalCamera);
        var head = new HeadModel(Cfg.MeshRows, Cfg.MeshCols);
        var images = MultifaceGenerator.CreateRenderer(Cfg, head, ds.Cameras).Render(planned.Coeffs, planned.HeadPose);

        // When
        var s = ds.Load(key);

        // Then: vertices de-normalize to the generated positions
        var st = ds.Statistics;
        for (int i = 0; i < s.Vertices.Length; i++)
            Assert.Equal(images.Positions[i], s.Vertices[i] * st.VertStd + st.VertMean[i], 3);
        Assert.Equal(planned.HeadPose.Select(x => (float)x), s.Transform);
        Assert.Equal(ds.CameraIndex(CameraRig.FrontalCamera), s.CameraIndex);

        // textures: rows flipped, (x - mean) / std, raw zero -> 0 and mask 0
        var raw = images.Textures[s.CameraIndex];
        int w = ds.TextureWidth, h = ds.TextureHeight, plane = w * h, valid = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++)
                {
                    int i = c * plane + y * w + x;
                    byte r = raw.Pixels[((h - 1 - y) * w + x) * 3 + c];
                    Assert.Equal(r == 0 ? 0f : (float)((r - st.TexMean[i]) / st.TexStd), s.Texture[i], 4);
                    Assert.Equal(r == 0 ? 0f : 1f, s.Mask[i]);
                    valid += r == 0 ? 0 : 1;
                }
        Assert.InRange(valid, plane, 3 * plane - 3 * w);     // some texels are hidden from this camera, most are seen
        Assert.Equal(Png.Encode(images.Average), File.ReadAllBytes(ds.Layout.AverageTexture(key.Expression, key.Frame)));
        Assert.Equal(Png.Encode(images.Photos[s.CameraIndex]), File.ReadAllBytes(ds.Layout.Photo(key.Expression, key.Camera, key.Frame)));
        Assert.Equal(images.Photos[s.CameraIndex].Pixels[100] / 255f, s.Photo[100]);
    }

    [Fact]
    public void Should_Give_An_M_That_Projects_Every_Drawn_Surface_Point_Onto_Its_Pixel()
    {
        foreach (var cam in new[] { "400002", "400023" })
        {
            // Given: the reader's vertices and M, and the rasterizer's own picture of that frame
            var ds = MultifaceDataset.Open(subject.Root);
            var planned = MultifaceGenerator.Plan(Cfg)[5];
            var s = ds.Load(new SampleKey(planned.Ref.Expression, planned.Ref.Frame, cam));
            var v = s.Vertices.Select((x, i) => x * ds.Statistics.VertStd + ds.Statistics.VertMean[i]).ToArray();
            var c = ds.Camera(cam);
            var topo = ds.Statistics.Topology;
            var raster = Rasterizer.Render(v.Select(x => (float)x).ToArray(), topo,
                CameraGeometry.Compose(c.Rt, planned.HeadPose), c.K, ds.PhotoWidth, ds.PhotoHeight);
            var m = s.M.Select(x => (double)x).ToArray();

            // When / Then: the surface point under each drawn pixel projects to that pixel's centre
            int drawn = 0;
            for (int p = 0; p < raster.Triangle.Length; p++)
            {
                int tri = raster.Triangle[p];
                if (tri < 0) continue;
                drawn++;
                double b1 = raster.B1[p], b2 = raster.B2[p], b0 = 1 - b1 - b2;
                var q = new double[3];
                for (int k = 0; k < 3; k++)
                    q[k] = b0 * v[3 * topo.VertIds[3 * tri] + k] + b1 * v[3 * topo.VertIds[3 * tri + 1] + k] + b2 * v[3 * topo.VertIds[3 * tri + 2] + k];
                var (x, y, _) = CameraGeometry.Project(m, q[0], q[1], q[2]);
                Assert.Equal(p % ds.PhotoWidth + 0.5, x, 0.05);
                Assert.Equal(p / ds.PhotoWidth + 0.5, y, 0.05);
            }
            Assert.InRange(drawn, ds.PhotoWidth * ds.PhotoHeight / 8, ds.PhotoWidth * ds.PhotoHeight);
            // and the photo shows the head exactly where it was drawn: background elsewhere (bluish grey, b = r + 8)
            for (int p = 0; p < raster.Triangle.Length; p++)
                if (raster.Triangle[p] < 0) Assert.Equal(8 / 255f, s.Photo[3 * p + 2] - s.Photo[3 * p], 4);
        }
    }

    [Fact]
    public void Should_Give_A_View_Direction_Pointing_At_The_Camera_Centre_In_The_Head_Frame()
    {
        var ds = MultifaceDataset.Open(subject.Root);
        foreach (var cam in ds.Cameras)
        {
            var f = ds.AttackFrames[2];
            var s = ds.Load(new SampleKey(f.Expression, f.Frame, cam.Name), withPhoto: false);

            // M maps the camera centre (head frame) to the zero vector; it lies along `view` at a positive distance
            double dot(int r) => s.M[4 * r] * s.View[0] + s.M[4 * r + 1] * s.View[1] + s.M[4 * r + 2] * s.View[2];
            double dist = -s.M[11] / dot(2);
            Assert.InRange(dist, 1000, 1300);
            for (int r = 0; r < 2; r++)
            {
                double along = dot(r) * dist, residual = along + s.M[4 * r + 3];
                Assert.True(Math.Abs(residual) <= 1e-4 * (Math.Abs(along) + Math.Abs(s.M[4 * r + 3])), $"camera {cam.Name} row {r}: residual {residual}");
            }
            Assert.Equal(1, Math.Sqrt(s.View.Sum(x => x * x)), 5);
            if (cam.Name == CameraRig.FrontalCamera) Assert.True(s.View[2] > 0.95, $"frontal view {string.Join(",", s.View)}");
        }
    }
}
