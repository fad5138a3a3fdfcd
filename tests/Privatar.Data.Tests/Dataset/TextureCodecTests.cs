using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Dataset;

public sealed class TextureCodecTests(TinySubject subject) : IClassFixture<TinySubject>
{
    [Fact]
    public void Should_Flip_Rows_And_Split_Channels()
    {
        // Given: a 2x2 image whose top-left pixel is (1,2,3) and bottom-left (7,8,9)
        var img = new RgbImage(2, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        var chw = TextureCodec.FlippedChw(img);

        // Then: row 0 of each plane is the bottom image row
        Assert.Equal([7, 10, 1, 4, 8, 11, 2, 5, 9, 12, 3, 6], chw);
    }

    [Fact]
    public void Should_Halve_Like_OpenCV_Bilinear_By_Averaging_Each_2x2_Block()
    {
        // Given: one 4x2 plane
        float[] plane = [0, 2, 4, 6, 10, 12, 14, 16];

        var half = TextureCodec.Resize(plane, 1, 4, 2, 2, 1);

        Assert.Equal([6f, 10f], half);
    }

    [Fact]
    public void Should_Resize_Textures_And_Mask_After_Normalizing_When_Asked_For_A_Texture_Size()
    {
        // Given
        var native = MultifaceDataset.Open(subject.Root);
        var small = MultifaceDataset.Open(subject.Root, new DatasetOptions(TextureSize: 16));
        var key = native.Samples(Split.Train, "train")[0];

        // When
        var a = native.Load(key, withPhoto: false);
        var b = small.Load(key, withPhoto: false);

        // Then
        Assert.Equal(16, small.SampleTextureSize);
        Assert.Equal(3 * 16 * 16, b.Texture.Length);
        Assert.Equal(TextureCodec.Resize(a.Texture, 3, 32, 32, 16, 16), b.Texture);
        Assert.Equal(TextureCodec.Resize(a.AverageTexture, 3, 32, 32, 16, 16), b.AverageTexture);
        Assert.Equal(TextureCodec.Resize(native.Statistics.TexMean, 3, 32, 32, 16, 16), small.SampleTexMean);
        Assert.Contains(b.Mask, m => m is > 0 and < 1);              // texels on the edge of the seen region
        Assert.All(b.Mask, m => Assert.InRange(m, 0f, 1f));
    }
}
