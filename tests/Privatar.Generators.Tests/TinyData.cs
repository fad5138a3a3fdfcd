using Privatar.Mnist;

namespace Privatar.Generators.Tests;

/// <summary>A private set small enough for a generator test to train on in seconds.</summary>
static class TinyData
{
    /// <summary><paramref name="n"/> blocky 28×28 "digits": class c lights row band c, so the classes differ.</summary>
    public static LabeledImages Set(int n = 200)
    {
        var rng = new Random(3);
        var pixels = new byte[n * 784];
        var labels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = (byte)(i % 10);
            for (var y = 2 * labels[i]; y < 2 * labels[i] + 6; y++)
                for (var x = 4; x < 24; x++)
                    pixels[i * 784 + y * 28 + x] = (byte)rng.Next(180, 256);
        }
        return new LabeledImages(IdxArray.FromBytes(pixels, n, 28, 28), labels);
    }
}
