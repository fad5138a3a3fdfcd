using Privatar.Contracts;
using System.CommandLine;
using Privatar.Interop;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar vae export</c>: a trained model as a PyTorch state dict under the original's keys, which the original
/// model class of the same variant and size loads with load_state_dict(strict=True).
/// </summary>
public static class ExportCommand
{
    public static Command Build()
    {
        var ckpt = Req("--checkpoint-dir", "a train unit's folder (best_model.pt, model.pt, checkpoint.json)");
        var last = new Option<bool>("--last") { Description = "export model.pt (the last iteration) instead of best_model.pt" };
        var outFile = Req("--out", "the .pth file to write (atomically)");
        var cmd = new Command("export", "Write a trained model as a PyTorch state dict (.pth) with the original's keys")
            { ckpt, last, outFile, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var dir = p.GetValue(ckpt)!;
            var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
            var outputs = new TrainOutputs(dir);
            var weights = p.GetValue(last) ? outputs.Last : outputs.Best;
            using var model = Checkpoints.Restore(weights, info, asSaved: true);
            StateDictTransfer.Export(model, p.GetValue(outFile)!);
            AnsiConsole.WriteLine($"{info.Variant} {info.Config} ({info.TexSize}² texture, {info.Vertices} vertices, {info.Cameras} cameras): " +
                                  $"{model.state_dict().Count} tensors -> {p.GetValue(outFile)}");
            return 0;
        });
        return cmd;
    }
}
