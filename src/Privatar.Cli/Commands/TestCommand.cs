using System.CommandLine;
using Privatar.Contracts.Verbs;
using Privatar.Models.Training;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae test</c>: one trained model per call (the Evaluate step's units call it).</summary>
public static class TestCommand
{
    public static Command Build() => ContractCommand.Build<VaeTestArgs>(Run);

    static int Run(VaeTestArgs a)
    {
        Apply(a.Device, a.Threads);
        var info = Checkpoints.ReadInfo(Path.Combine(a.CheckpointDir, "checkpoint.json"));
        using var data = AvatarData.Open(a.Data, a.AllowMissingSamples ?? false);
        if (data.Dataset.SkippedSamples > 0) Console.Error.WriteLine($"warning: skipped {data.Dataset.SkippedSamples} sample(s) whose texture is missing (--allow-missing-samples)");
        var row = Tester.Run(data, Path.Combine(a.CheckpointDir, "best_model.pt"), info,
            new TestSettings(a.Batches, a.BatchSize, a.Seed, a.LpipsWeights == "none" ? null : a.LpipsWeights, new LossWeights()),
            new TestOutputs(a.Out));
        AnsiConsole.WriteLine($"{info.Variant} {info.Config}: {row.Samples} samples, screen {Fmt(row.ScreenMse)}, tex {Fmt(row.TexMse)}, vert {Fmt(row.VertMse)}, kl {Fmt(row.Kl)}, ssim {Fmt(row.Ssim)}{(row.Lpips is { } l ? $", lpips {Fmt(l)}" : "")}");
        return 0;
    }
}
