using Privatar.Mnist;

namespace Privatar.Cli.Tests.Commands;

/// <summary>A tiny random MNIST in the four IDX files (120 training and 40 test images, labels cycling 0-9), for the study's verbs.</summary>
static class TinyMnist
{
    public static void Write(string dir, int seed)
    {
        var rng = new Random(seed);
        LabeledImages Make(int n)
        {
            var px = new byte[n * 784];
            rng.NextBytes(px);
            return new LabeledImages(IdxArray.FromBytes(px, n, 28, 28), Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray());
        }
        Make(120).Save(Path.Combine(dir, MnistDataset.TrainImages), Path.Combine(dir, MnistDataset.TrainLabels));
        Make(40).Save(Path.Combine(dir, MnistDataset.TestImages), Path.Combine(dir, MnistDataset.TestLabels));
    }
}
