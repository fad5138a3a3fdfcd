using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Mnist;

namespace Privatar.DpSgd.Tests.Study;

public sealed class RunFilesAndGridTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "privatar-runfiles-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Metrics_Should_Round_Trip_Including_NaN()
    {
        var path = Path.Combine(root, "metrics.csv");
        EpochMetrics[] rows = [new(1, 234, 0.5, double.NaN, 0.25, double.NaN), new(2, 468, 0.125, 0.9, 0.0625, 0.95)];
        RunFiles.WriteMetrics(path, rows);
        Assert.Equal(rows, RunFiles.ReadMetrics(path));
    }

    [Fact]
    public void Metrics_Should_Name_The_Line_Of_A_Bad_Cell()
    {
        var path = Path.Combine(root, "metrics.csv");
        Directory.CreateDirectory(root);
        File.WriteAllText(path, "epoch,steps,train_loss,train_accuracy,test_loss,test_accuracy\n1,10,0.5,0.5,0.5,0.5\n2,20,x,0.5,0.5,0.5\n");
        var e = Assert.Throws<InvalidDataException>(() => RunFiles.ReadMetrics(path));
        Assert.Contains("metrics.csv:3: column train_loss is 'x'", e.Message);
        File.WriteAllText(path, "epoch,loss\n");
        Assert.Contains(":1: expected the header", Assert.Throws<InvalidDataException>(() => RunFiles.ReadMetrics(path)).Message);
    }

    [Fact]
    public void Target_Epsilon_Should_Calibrate_Sigma_For_The_Runs_Own_Schedule()
    {
        var cfg = new TrainConfig(Epochs: 2, BatchSize: 256);
        var request = DpRequest.WithEpsilon(3, 1e-5, new AccountantOptions(), maxGradNorm: 1.2);
        var dp = request.Resolve(60000, cfg);
        var q = 256.0 / 60000;
        Assert.Equal(2 * 234, DpRequest.Steps(q, 2));                 // round(1/q) = 234 Poisson batches per epoch
        var eps = new AccountantOptions().Epsilon(dp.NoiseMultiplier, q, 468, 1e-5);
        Assert.InRange(eps, 3 - 1e-3, 3);                              // on the safe side of the target, and tight
        Assert.Equal((1.2, 0.0), (dp.MaxGradNorm, dp.SampleRate));
        // a fixed σ passes through; asking for both or neither is an error
        Assert.Equal(0.1, DpRequest.WithSigma(0.1, 1.2).Resolve(60000, cfg).NoiseMultiplier);
        var both = new DpRequest(0.1, 3, 1.2, 0, 1e-5, new AccountantOptions());
        Assert.Contains("exactly one of", Assert.Throws<ArgumentException>(() => both.Resolve(60000, cfg)).Message);
    }

    [Fact]
    public void Grid_Should_Put_Each_Class_On_Its_Own_Row_In_Display_Pixels()
    {
        // 10 classes x 3 images of 28x28; class c's images are the constant pixel value c/9, standardised (corrected VAE)
        const int per = 3;
        var floats = new float[10 * per * 784];
        for (var i = 0; i < 10 * per; i++)
            Array.Fill(floats, (float)(((i / per) / 9.0 - 0.1307) / 0.3081), i * 784, 784);
        var images = new LabeledImages(IdxArray.FromFloats(floats, 10 * per, 28, 28), Enumerable.Range(0, 10 * per).Select(i => (byte)(i / per)).ToArray());
        var grid = SampleGrid.Render(images, per, 2, Fidelity.Corrected);
        Assert.Equal((2 + 2 * 30, 2 + 10 * 30), (grid.Width, grid.Height));
        Assert.Equal(255, grid.Pixels[grid.Offset(0, 0)]);                  // gutter
        Assert.Equal(0, grid.Pixels[grid.Offset(2, 2)]);                    // class 0 → black
        Assert.Equal(255, grid.Pixels[grid.Offset(2 + 30, 2 + 9 * 30)]);    // class 9, second column → white
        Assert.Equal(SampleGrid.Grey((float)((5 / 9.0 - 0.1307) / 0.3081), Fidelity.Corrected), grid.Pixels[grid.Offset(10, 2 + 5 * 30 + 10)]);
        Assert.Equal(142, SampleGrid.Grey(5 / 9f, Fidelity.Original));     // original VAEs already output display values
        Assert.Throws<ArgumentException>(() => SampleGrid.Render(images, per, 4, Fidelity.Corrected));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, true); } catch (IOException) { }
    }
}
