using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The one-run privacy audit ([audit]) of the study's models: per [audit] model (the CNN, the VAE) one audited training
/// run without DP and one per DP setting the [dpsgd] lists name (the study's σ's and target ε's), each its own unit
/// through <see cref="MnistAuditArgs"/> into mnist/audit/&lt;model&gt;/&lt;run&gt;/audit.json; then results/privacy_audit.csv
/// with every ε recomputed by the study's accountant. The settings come from the study's lists, not a list of the
/// audit's own, so each audited row stands beside the study's run of the same setting (and a setting has one home); the
/// audit's run is a separate training (canaries inserted, [audit] epochs), whose ε is computed for its own schedule.
/// </summary>
public static class MnistAuditStep
{
    public static readonly string[] Models = ["classifier", "vae"];

    public const string Table = "privacy_audit.csv";

    /// <summary>What only a DP-SGD audit reads (clip, rate, convention, noise mode, accountant), by contract property.</summary>
    static readonly string[] DpOnly =
    [
        nameof(MnistAuditArgs.MaxGradNorm), nameof(MnistAuditArgs.SampleRate), nameof(MnistAuditArgs.AccountingConvention),
        nameof(MnistAuditArgs.Noise), nameof(MnistAuditArgs.Accountant),
    ];

    /// <summary>What only the VAE's audit reads, and only the CNN's.</summary>
    static readonly string[] VaeOnly = [nameof(MnistAuditArgs.LatentDim), nameof(MnistAuditArgs.VaeFidelity), nameof(MnistAuditArgs.VaeEpochs)];
    static readonly string[] ClassifierOnly = [nameof(MnistAuditArgs.ClassifierEpochs)];

    public static string AuditDir(PlanContext c, string model, string run) => c.Artifact($"mnist/audit/{model}/{run}");

    public static StepSpec Spec => new("MnistAudit", "One-run privacy audit (canaries, epsilon_lower, MIA AUC) of the MNIST CNN and DP-VAE per DP setting and without DP")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistAudit", ["Privatar.DpSgd", "Privatar.Contracts"], "MnistCommand"),
        Params = VerbCommand.Distinct(MnistSteps.ListParams, [P.StringList("audit.models").OneOf(Models)],
            VerbCommand.Params<MnistAuditArgs>(), VerbCommand.Params<MnistAuditGatherArgs>()),
        Units = ctx =>
        {
            var runs = MnistSteps.DpRuns(ctx.Params).Select(r => (MnistSteps.DpRun?)r).Prepend(null).ToList();
            var units = ModelList(ctx.Params).SelectMany(m => runs.Select(r => Unit(ctx, m, r))).ToList();
            var dirs = ModelList(ctx.Params).SelectMany(m => runs.Select(r => AuditDir(ctx, m, r?.Id ?? MnistSteps.NonPrivate))).ToList();
            units.Add(new UnitSpec("privacy_audit")
            {
                Inputs = [.. units.SelectMany(u => u.Outputs)],
                Outputs = [AvatarSteps.Results(ctx, Table)],
                Params = ContractCodec.Keys<MnistAuditGatherArgs>(),
                Command = VerbCommand.Command(new MnistAuditGatherArgs { Results = ctx.Artifact("results"), Audit = dirs }),
            });
            return units;
        },
    };

    /// <summary>[audit] models: classifier and/or vae, each once.</summary>
    public static IReadOnlyList<string> ModelList(ParamValues p)
    {
        var list = p.StringList("audit.models");
        if (list.Distinct().Count() != list.Count) throw new ArgumentException("[audit] models: a model is listed twice.");
        return list;
    }

    static UnitSpec Unit(PlanContext ctx, string model, MnistSteps.DpRun? run)
    {
        var id = run?.Id ?? MnistSteps.NonPrivate;
        var dir = AuditDir(ctx, model, id);
        var vae = model == "vae";
        return new UnitSpec($"{model}_{id}")
        {
            Inputs = [.. MnistSteps.DataFiles(ctx)],
            Outputs = [$"{dir}/{MnistAuditArgs.File}"],
            Params = ContractCodec.KeysExcept<MnistAuditArgs>([.. run is null ? DpOnly : [], .. vae ? ClassifierOnly : VaeOnly]),
            Release = run is not null && MnistSteps.IsRelease(ctx.Params),
            Command = VerbCommand.Command(new MnistAuditArgs
            {
                Data = MnistSteps.DataDir(ctx), Out = dir, Model = vae ? AuditModel.Vae : AuditModel.Classifier,
                NoiseMultiplier = run is { Calibrated: false } ? run.Value : null, TargetEpsilon = run is { Calibrated: true } ? run.Value : null,
            }),
        };
    }
}
