using Privatar.Results;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The downstream classifiers. LogReg, Mlp and Cnn are DPDM's (its Table 1 columns); ConvNet, LeNet, AlexNet, Vgg11,
/// ResNet18 and DcMlp are the seed table's (PSG's evaluation networks, from the Dataset Condensation code base), in
/// their single-channel 28×28 forms.
/// </summary>
public enum ClassifierKind { LogReg, Mlp, Cnn, ConvNet, LeNet, AlexNet, Vgg11, ResNet18, DcMlp }

public static class ClassifierKinds
{
    /// <summary>The enum in declaration order, paired with the result table's names (one list, in Privatar.Results).</summary>
    static readonly (ClassifierKind Kind, string Name)[] Names = Pair();

    static (ClassifierKind, string)[] Pair()
    {
        var kinds = Enum.GetValues<ClassifierKind>();
        if (kinds.Length != SynthesisRow.ClassifierOrder.Count)
            throw new InvalidOperationException($"{kinds.Length} classifier kinds but {SynthesisRow.ClassifierOrder.Count} names in SynthesisRow.ClassifierOrder");
        return [.. kinds.Zip(SynthesisRow.ClassifierOrder)];
    }

    /// <summary>DPDM's three (every profile).</summary>
    public static IReadOnlyList<ClassifierKind> Dpdm { get; } = [ClassifierKind.LogReg, ClassifierKind.Mlp, ClassifierKind.Cnn];

    /// <summary>The seed table's six, in its column order.</summary>
    public static IReadOnlyList<ClassifierKind> SeedTable { get; } =
        [ClassifierKind.ConvNet, ClassifierKind.LeNet, ClassifierKind.AlexNet, ClassifierKind.Vgg11, ClassifierKind.ResNet18, ClassifierKind.DcMlp];

    public static string Name(this ClassifierKind kind) => Names.First(n => n.Kind == kind).Name;

    public static ClassifierKind Parse(string text, string source)
    {
        foreach (var (kind, name) in Names)
            if (string.Equals(name, text.Trim(), StringComparison.Ordinal)) return kind;
        throw new ArgumentException($"{source}: unknown classifier '{text.Trim()}' (expected one of {string.Join(", ", Names.Select(n => n.Name))})");
    }

    /// <summary>A fresh network with libtorch's default initialisation from the current global generator.</summary>
    public static nn.Module<Tensor, Tensor> Create(this ClassifierKind kind, int classes = 10) => kind switch
    {
        ClassifierKind.LogReg => new LogReg(classes),
        ClassifierKind.Mlp => new DpdmMlp(classes),
        ClassifierKind.Cnn => new DpdmCnn(classes),
        ClassifierKind.ConvNet => new ConvNet(classes),
        ClassifierKind.LeNet => new LeNet(classes),
        ClassifierKind.AlexNet => new AlexNet(classes),
        ClassifierKind.Vgg11 => new Vgg11(classes),
        ClassifierKind.ResNet18 => new ResNet18(classes),
        _ => new DcMlp(classes),
    };
}
