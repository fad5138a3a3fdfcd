using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Dataset;

/// <summary>The original's sample list rules and its fallbacks when the experiment configs are absent.</summary>
public sealed class SampleListTests(TinySubject subject) : IClassFixture<TinySubject>
{
    [Fact]
    public void Should_Skip_Frames_Without_Average_And_Views_Without_Texture_When_Allowed()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var ds = MultifaceDataset.Open(root, new DatasetOptions { AllowMissingSamples = true });
        var before = ds.Samples(Split.Train, "train");
        var f0 = ds.Frames[0];
        var f1 = ds.Frames[1];
        File.Delete(ds.Layout.AverageTexture(f0.Expression, f0.Frame));
        File.Delete(ds.Layout.Texture(f1.Expression, "400002", f1.Frame));

        var after = ds.Samples(Split.Train, "train");

        Assert.Equal(before.Count - 3 - 1, after.Count);
        Assert.DoesNotContain(after, k => k.Frame == f0.Frame);
        Assert.DoesNotContain(new SampleKey(f1.Expression, f1.Frame, "400002"), after);
    }

    [Fact]
    public void Should_Fall_Back_To_Camera_Folders_Default_Prefixes_And_Derived_Attack_Frames()
    {
        // Given: the three experiment configs removed
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var layout = new MultifaceLayout(root);
        var generated = RawFiles.ReadFrameList(layout.AttackFrameList);
        File.Delete(layout.CameraSplitConfig);
        File.Delete(layout.TestSegment);
        File.Delete(layout.AttackFrameList);

        // When
        var ds = MultifaceDataset.Open(root);

        // Then
        Assert.Equal(["400002", "400003", "400023"], ds.CameraSet("train"));
        Assert.Equal(ds.CameraSet("train"), ds.CameraSet("test"));
        Assert.Equal(ConfigFiles.DefaultTestPrefixes, ds.TestPrefixes);
        Assert.Equal(generated, ds.AttackFrames);
        Assert.StartsWith("camera folders of ", ds.Sources.CameraSets);
        Assert.StartsWith("derived", ds.Sources.AttackFrames);
    }

    [Fact]
    public void Should_Name_The_Available_Sets_For_An_Unknown_Camera_Set()
    {
        var ds = MultifaceDataset.Open(subject.Root);

        var e = Assert.Throws<ArgumentException>(() => ds.CameraSet("val"));

        Assert.Equal($"camera set 'val' not found ({ds.Layout.CameraSplitConfig}); available: train, test, visual, attack", e.Message);
    }
}
