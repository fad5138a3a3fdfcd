using Privatar.Mnist;

namespace Privatar.DpSgd.Tests.Fixtures;

/// <summary>
/// A tiny MNIST stand-in written as real IDX files: class c (0..9) is a bright 6×6 patch at one of ten
/// positions, over seeded speckle noise, so a CNN separates the classes within an epoch or two.
/// </summary>
public sealed class SyntheticMnist : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "privatar-dpsgd-" + Guid.NewGuid().ToString("N")[..8]);

    public SyntheticMnist(int train = 300, int test = 100, int seed = 1)
    {
        var rng = new Random(seed);
        Make(train, rng).Save(Path.Combine(Dir, MnistDataset.TrainImages), Path.Combine(Dir, MnistDataset.TrainLabels));
        Make(test, rng).Save(Path.Combine(Dir, MnistDataset.TestImages), Path.Combine(Dir, MnistDataset.TestLabels));
    }

    public static LabeledImages Make(int n, Random rng)
    {
        var pixels = new byte[n * 784];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var c = i % 10;
            labels[i] = (byte)c;
            var (r0, c0) = (2 + 12 * (c / 5), 1 + 5 * (c % 5));
            for (var p = 0; p < 784; p++) pixels[i * 784 + p] = (byte)rng.Next(0, 40);
            for (var r = r0; r < r0 + 6; r++)
                for (var k = c0; k < c0 + 6 && k < 28; k++)
                    pixels[i * 784 + r * 28 + k] = (byte)rng.Next(200, 256);
        }
        return new LabeledImages(IdxArray.FromBytes(pixels, n, 28, 28), labels);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
