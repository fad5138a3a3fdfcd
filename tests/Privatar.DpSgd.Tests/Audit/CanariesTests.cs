using Privatar.DpSgd.Audit;
using Privatar.Mnist;

namespace Privatar.DpSgd.Tests.Audit;

public sealed class CanariesTests
{
    static LabeledImages Pool(int n)
    {
        var pixels = new byte[n * 4];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i / 4);   // example i is filled with i (mod 256)
        return new LabeledImages(IdxArray.FromBytes(pixels, n, 2, 2), Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray());
    }

    [Fact]
    public void Canaries_Are_The_Pools_Tail_Mislabelled_And_About_Half_Inserted_Per_Seed()
    {
        var pool = Pool(1200);
        var (baseSet, c) = Canaries.Split(pool, 1000, 1234);
        Assert.Equal(200, baseSet.Count);
        Assert.Equal(1000, c.Count);
        for (var k = 0; k < c.Count; k++)
        {
            Assert.NotEqual(pool.Labels[200 + k], c.Set.Labels[k]);              // every canary carries a wrong label
            Assert.Equal(pool.Images.Data[(200 + k) * 4], c.Set.Images.Data[k * 4]);
        }
        Assert.InRange(c.Inserted.Count(x => x), 440, 560);                        // Bin(1000, ½): sd 15.8
        var (_, again) = Canaries.Split(pool, 1000, 1234);
        Assert.Equal(c.Inserted, again.Inserted);
        Assert.Equal(c.Set.Labels, again.Set.Labels);
        Assert.NotEqual(c.Inserted, Canaries.Split(pool, 1000, 1235).Canaries.Inserted);
        Assert.True(Enumerable.Range(1, 9).All(d => c.Set.Labels.Select((y, k) => (y - pool.Labels[200 + k] + 10) % 10).Contains(d)));
    }

    [Fact]
    public void The_Training_Set_Is_The_Base_Then_Exactly_The_Inserted_Canaries()
    {
        var pool = Pool(60);
        var (baseSet, c) = Canaries.Split(pool, 40, 7);
        var train = c.TrainingSet(baseSet);
        var inserted = Enumerable.Range(0, 40).Where(k => c.Inserted[k]).ToArray();
        Assert.Equal(20 + inserted.Length, train.Count);
        Assert.Equal(baseSet.Labels, train.Labels[..20]);
        Assert.Equal(inserted.Select(k => c.Set.Labels[k]), train.Labels[20..]);
        Assert.Equal(inserted.Select(k => (byte)(20 + k)), Enumerable.Range(20, inserted.Length).Select(i => train.Images.Data[i * 4]));
    }

    [Fact]
    public void Bad_Sizes_Are_Refused_Naming_The_Setting()
    {
        Assert.Contains("canaries", Assert.Throws<ArgumentException>(() => Canaries.Split(Pool(10), 10, 1)).Message);
        Assert.Contains("guesses", Assert.Throws<ArgumentException>(() => new AuditSettings(10, 11, 5).Validate()).Message);
    }

    [Fact]
    public void Crafted_Canaries_Are_Random_Black_Or_White_Images_Beside_The_Whole_Pool()
    {
        var pool = Pool(30);
        var (baseSet, c) = Canaries.Crafted(pool, 500, 1234);
        Assert.Same(pool, baseSet);                                                // the VAE trains on every pool example
        Assert.Equal((500, 2, 2), (c.Count, c.Set.Height, c.Set.Width));
        Assert.All(c.Set.Images.Data, b => Assert.True(b is 0 or 255));
        Assert.InRange(c.Set.Images.Data.Count(b => b == 255), 900, 1100);        // Bin(2000, ½): sd 22
        Assert.Equal(c.Set.Images.Data, Canaries.Crafted(pool, 500, 1234).Canaries.Set.Images.Data);
        Assert.NotEqual(c.Set.Images.Data, Canaries.Crafted(pool, 500, 1235).Canaries.Set.Images.Data);
        // membership is the same secret draw as the classifier's canaries of the same root
        Assert.Equal(Canaries.Split(Pool(1200), 500, 1234).Canaries.Inserted, c.Inserted);
        Assert.Equal(30 + c.Inserted.Count(x => x), c.TrainingSet(baseSet).Count);
    }
}

