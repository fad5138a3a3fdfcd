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
}
