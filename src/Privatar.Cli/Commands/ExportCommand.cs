using System.CommandLine;
using Privatar.Contracts;
using Privatar.Contracts.Verbs;
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
    public static Command Build() => ContractCommand.Build<VaeExportArgs>(Run);

    static int Run(VaeExportArgs a)
    {
        Apply(a.Device, a.Threads);
        var info = Checkpoints.ReadInfo(Path.Combine(a.CheckpointDir, "checkpoint.json"));
        var outputs = new TrainOutputs(a.CheckpointDir);
        var weights = a.Last == true ? outputs.Last : outputs.Best;
        using var model = Checkpoints.Restore(weights, info, asSaved: true);
        StateDictTransfer.Export(model, a.Out);
        AnsiConsole.WriteLine($"{info.Variant} {info.Config} ({info.TexSize}² texture, {info.Vertices} vertices, {info.Cameras} cameras): " +
                              $"{model.state_dict().Count} tensors -> {a.Out}");
        return 0;
    }
}
