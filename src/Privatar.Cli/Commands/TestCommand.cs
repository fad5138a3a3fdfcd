using System.CommandLine;
using Privatar.Models.Training;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae test</c>: one trained model per call (the Evaluate step's units call it).</summary>
public static class TestCommand
{
    public static Command Build()
    {
        var ckpt = Req("--checkpoint-dir", "a train unit's folder (best_model.pt + checkpoint.json)");
        var batches = Opt("--batches", "test batches (the original: val_num + 1 = 65)", 65);
        var batch = Opt("--batch-size", "test batch size", 10);
        var lpips = Opt("--lpips-weights", "folder of converted AlexNet-LPIPS .npy weights, or 'none'", "none");
        var allowMissing = new Option<bool>("--allow-missing-samples") { Description = "skip (and count) samples whose texture is missing instead of failing" };
        var cmd = new Command("test", "Test one trained model; writes test_metrics.csv, z.npy (+ z_offload.npy), samples.tsv")
            { DataRoot, ckpt, Out, batches, batch, lpips, Seed, Threads, Device, allowMissing };
        cmd.SetAction(p =>
        {
            Apply(p);
            var dir = p.GetValue(ckpt)!;
            var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
            using var data = AvatarData.Open(p.GetValue(DataRoot)!, p.GetValue(allowMissing));
            if (data.Dataset.SkippedSamples > 0) Console.Error.WriteLine($"warning: skipped {data.Dataset.SkippedSamples} sample(s) whose texture is missing (--allow-missing-samples)");
            var lp = p.GetValue(lpips)!;
            var row = Tester.Run(data, Path.Combine(dir, "best_model.pt"), info,
                new TestSettings(p.GetValue(batches), p.GetValue(batch), p.GetValue(Seed), lp == "none" ? null : lp, new LossWeights()),
                new TestOutputs(p.GetValue(Out)!));
            AnsiConsole.WriteLine($"{info.Variant} {info.Config}: {row.Samples} samples, screen {Fmt(row.ScreenMse)}, tex {Fmt(row.TexMse)}, vert {Fmt(row.VertMse)}, kl {Fmt(row.Kl)}, ssim {Fmt(row.Ssim)}{(row.Lpips is { } l ? $", lpips {Fmt(l)}" : "")}");
            return 0;
        });
        return cmd;
    }
}
