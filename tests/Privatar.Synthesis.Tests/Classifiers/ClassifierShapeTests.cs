using Privatar.Synthesis.Classifiers;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Tests.Classifiers;

public sealed class ClassifierShapeTests
{
    public static TheoryData<string> All => [.. Enum.GetValues<ClassifierKind>().Select(k => k.Name())];

    /// <summary>Every network takes (B, 1, 28, 28) to (B, 10): the 28×28 adaptations (padding 3 or 4, pool schedules) line up.</summary>
    [Theory]
    [MemberData(nameof(All))]
    public void Should_Map_A_Batch_Of_28x28_Images_To_Ten_Logits(string name)
    {
        var kind = ClassifierKinds.Parse(name, "test");
        random.manual_seed(1);
        using var model = kind.Create();
        model.eval();
        using var _ = no_grad();
        using var x = rand(2, 1, 28, 28);
        using var y = model.call(x);
        Assert.Equal([2L, 10L], y.shape);
    }

    [Fact]
    public void Should_Give_The_Dpdm_Cnn_A_128_Wide_Penultimate_Layer_And_Its_Parameter_Count()
    {
        using var cnn = new DpdmCnn(10);
        using var f = cnn.Features(zeros(3, 1, 28, 28));
        Assert.Equal([3L, 128L], f.shape);
        // 32·9+32 + 64·32·9+64 + 128·64·9+128 + 1152·128+128 + 128·10+10
        Assert.Equal(320 + 18496 + 73856 + 147584 + 1290, cnn.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Should_Name_Every_Kind_By_The_Result_Tables_Order()
    {
        Assert.Equal(Privatar.Results.SynthesisRow.ClassifierOrder, Enum.GetValues<ClassifierKind>().Select(k => k.Name()));
        Assert.Equal(ClassifierKind.ConvNet, ClassifierKinds.Parse("convnet", "test"));
        Assert.Equal(ClassifierKind.DcMlp, ClassifierKinds.Parse("dc_mlp", "test"));
    }

    [Fact]
    public void Should_Name_Known_Classifiers_On_A_Bad_Name()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassifierKinds.Parse("vgg", "[synthesis] classifiers"));
        Assert.Contains("unknown classifier 'vgg' (expected one of logreg, mlp, cnn, convnet, lenet, alexnet, vgg11, resnet18, dc_mlp)", e.Message);
    }
}
