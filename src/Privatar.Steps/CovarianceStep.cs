using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>The per-frequency covariance statistic (original row-variable and corrected) over attack frames x test cameras.</summary>
public static class CovarianceStep
{
    public static StepSpec Spec => new("Covariance", "Per-frequency covariance statistic over attack frames x test cameras, original and corrected")
    {
        Code = StepCode.Vae("Covariance", "CovarianceCommand"),
        Params = [.. VerbCommand.Params<VaeCovarianceArgs>()],
        Units = ctx =>
        {
            var csv = AvatarSteps.Results(ctx, "frequency_covariance.csv");
            return [new UnitSpec("frequency_covariance")
            {
                Inputs = [AvatarSteps.Manifest(ctx)],
                Outputs = [csv],
                Params = ContractCodec.Keys<VaeCovarianceArgs>(),
                Command = VerbCommand.Command(new VaeCovarianceArgs { Data = AvatarSteps.Subject(ctx), Out = csv }),
            }];
        },
    };
}
