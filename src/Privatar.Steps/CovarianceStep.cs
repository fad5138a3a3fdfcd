using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>The per-frequency covariance statistic (original row-variable and corrected) over attack frames x test cameras.</summary>
public static class CovarianceStep
{
    public static StepSpec Spec => new("Covariance", "Per-frequency covariance statistic over attack frames x test cameras, original and corrected")
    {
        Code = StepCode.Vae("Covariance", "CovarianceCommand"),
        Params = [P.Int("runtime.threads").Unstamped(), P.String("runtime.device")],
        Units = ctx => [new UnitSpec("frequency_covariance")
        {
            Inputs = [AvatarSteps.Manifest(ctx)],
            Outputs = [AvatarSteps.Results(ctx, "frequency_covariance.csv")],
            Command = UnitCommand.Privatar(p => new object[]
            {
                "vae", "covariance", "--data", AvatarSteps.Subject(ctx), "--out", AvatarSteps.Results(ctx, "frequency_covariance.csv"),
                "--threads", p.Int("runtime.threads"), "--device", p.String("runtime.device"),
            }),
        }],
    };
}
