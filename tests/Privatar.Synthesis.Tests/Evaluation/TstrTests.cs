using Privatar.Synthesis.Classifiers;
using Privatar.Synthesis.Data;
using Privatar.Synthesis.Evaluation;
using Privatar.Tests.Shared;

namespace Privatar.Synthesis.Tests.Evaluation;

/// <summary>Tiny learnable sets: class c lights up a 4×4 block at position c (plus noise), so a few epochs separate them.</summary>
public sealed class TstrTests
{
    internal static ImageSet Blocks(int n, int seed, string source = "blocks")
    {
        var random = new Random(seed);
        var px = new float[n * ImageSet.Pixels];
        var y = new long[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i % ImageSet.Classes;
            for (var p = 0; p < ImageSet.Pixels; p++) px[i * ImageSet.Pixels + p] = (float)(0.2 * random.NextDouble());
            int r0 = (int)(y[i] / 5) * 10 + 4, c0 = (int)(y[i] % 5) * 5 + 2;
            for (var r = r0; r < r0 + 4; r++)
                for (var c = c0; c < c0 + 4; c++) px[i * ImageSet.Pixels + r * ImageSet.Side + c] = 0.9f;
        }
        return new ImageSet(px, y, source);
    }

    static readonly TstrConfig Quick = new(Epochs: 3, BatchSize: 32, LearningRate: 3e-3, Seed: 7);

    [Fact]
    public void Should_Split_Off_A_Seeded_Held_Out_Tenth_Within_The_Limit()
    {
        var set = Blocks(200, 1);
        var (train, heldOut) = Tstr.Split(set, Quick with { TrainLimit = 150 });
        Assert.Equal(135, train.Count);
        Assert.Equal(15, heldOut.Count);
        var again = Tstr.Split(set, Quick with { TrainLimit = 150 });
        Assert.Equal(heldOut.Images, again.HeldOut.Images);
        var other = Tstr.Split(set, Quick with { TrainLimit = 150, Seed = 8 });
        Assert.NotEqual(heldOut.Images, other.HeldOut.Images);
    }

    [Fact]
    public void Should_Select_The_Epoch_On_Held_Out_Data_And_Report_Real_Test_Accuracy_There()
    {
        var result = Tstr.Run(ClassifierKind.LogReg, Blocks(300, 1, "synthetic"), Blocks(100, 2, "real test"), Quick, _ => { });
        Assert.Equal(3, result.Epochs.Count);
        Assert.Equal(270, result.TrainCount);
        Assert.Equal(30, result.HeldOutCount);
        var best = result.Epochs.Max(e => e.HeldOutAccuracy);
        Assert.Equal(result.Epochs.First(e => e.HeldOutAccuracy == best).Epoch, result.SelectedEpoch);
        Assert.Equal(best, result.HeldOutAccuracy);
        Assert.True(result.TestAccuracy > 0.9, $"real-test accuracy {result.TestAccuracy}");
    }

    [Theory]
    // PSG's functional set: 100 images (90 to train) against a 10,000 release cut to the 10,000 limit (9,000 to train):
    // 71 steps per epoch at batch 128 against 1, so 71 passes
    [InlineData(90, 10000, 10000, 128, 71)]
    [InlineData(90, 10000, 0, 128, 71)]
    [InlineData(90, 60000, 10000, 128, 71)]       // the limit cuts the reference as it would cut a full-size set
    [InlineData(9000, 10000, 10000, 128, 1)]      // a full-size set: one pass
    [InlineData(54000, 60000, 0, 128, 1)]         // the real-data row at full scale
    [InlineData(90, 0, 0, 128, 1)]                // no reference: the plain protocol
    [InlineData(180, 200, 0, 128, 1)]             // smoke's full-size set: 180 of a 200 release, one pass
    [InlineData(9, 200, 0, 128, 2)]               // smoke's PSG set (1 per class): 1 batch against 2
    public void Should_Give_A_Small_Set_The_Steps_Of_A_Reference_Sized_One(int trainCount, int reference, int limit, int batch, int passes) =>
        Assert.Equal(passes, (Quick with { BatchSize = batch, TrainLimit = limit, StepReference = reference }).PassesPerEpoch(trainCount));

    [Fact]
    public void Should_Train_A_Small_Set_For_The_Reference_Steps()
    {
        var small = Quick with { Epochs = 2, StepReference = 300 };
        var log = new List<string>();
        var result = Tstr.Run(ClassifierKind.LogReg, Blocks(30, 1), Blocks(50, 2), small, log.Add);
        Assert.Equal(2, result.Epochs.Count);   // epochs stay the protocol's; each is 9 passes over 27 examples
        Assert.Contains(log, l => l.Contains("9 passes per epoch", StringComparison.Ordinal));
        Assert.True(result.TestAccuracy >= 0.9, $"real-test accuracy {result.TestAccuracy}");
    }

    [Fact]
    public void Should_Repeat_Exactly_With_The_Same_Seed()
    {
        // the CNN has dropout, so this also pins the dropout stream
        var a = Tstr.Run(ClassifierKind.Cnn, Blocks(200, 1), Blocks(50, 2), Quick with { Epochs = 2 }, _ => { });
        var b = Tstr.Run(ClassifierKind.Cnn, Blocks(200, 1), Blocks(50, 2), Quick with { Epochs = 2 }, _ => { });
        Assert.Equal(a.Epochs, b.Epochs);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
    }

    [Fact]
    public void Should_Save_An_Evaluator_Whose_Features_Reload_Identically()
    {
        using var dir = new Repo.TempDir();
        var (model, result) = EvaluatorCnn.Train(Blocks(200, 1), Blocks(50, 2), Quick with { Epochs = 2 }, _ => { });
        var path = Path.Combine(dir.Path, "evaluator.ckpt");
        EvaluatorCnn.Save(model, path);
        var features = EvaluatorCnn.Features(model, Blocks(30, 3));
        using var reloaded = EvaluatorCnn.Load(path);
        Assert.Equal(features, EvaluatorCnn.Features(reloaded, Blocks(30, 3)));
        Assert.Equal(30, features.RowCount);
        Assert.Equal(DpdmCnn.FeatureDim, features.ColumnCount);
        Assert.Equal(2, result.Epochs.Count);
        model.Dispose();
    }

    [Fact]
    public void Should_Reject_A_Set_Too_Small_To_Split()
    {
        var e = Assert.Throws<ArgumentException>(() => Tstr.Split(Blocks(3, 1, "tiny"), Quick));
        Assert.Contains("tiny: 3 examples cannot be split", e.Message);
    }
}
