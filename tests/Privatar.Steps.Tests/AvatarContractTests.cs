using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Xunit;

namespace Privatar.Steps.Tests;

/// <summary>
/// The avatar steps run their verbs through contracts: each unit's command line parses back into the record a user gets
/// by hand with <c>--profile smoke</c> and only the unit's paths and model, and each unit declares exactly the keys it reads.
/// </summary>
public sealed class AvatarContractTests
{
    static readonly PipelinePlan Plan = PipelinePlan.Build(StepCatalog.All,
        ExperimentConfig.Load(Path.Combine(Repo.Root, "cake.config"), "smoke", new Dictionary<string, string>(), PipelinePlan.SchemaOf(StepCatalog.All)), new ListLog());

    /// <summary>cake.config under the smoke overlay, read as the verbs read it by hand (Privatar.Cli ContractCommand).</summary>
    static readonly Dictionary<string, ConfigValue> Smoke =
        ExperimentConfig.Overlay(IniFile.Load(Path.Combine(Repo.Root, "cake.config")), "smoke", new Dictionary<string, string>()).Values;

    static IReadOnlyList<string> Argv(Unit u) => ((ToolCommand)u.Spec.Command).Render(u.Values);

    /// <summary>The unit's contract from its command line, and the same verb decoded by hand: unkeyed options plus the profile.</summary>
    static (T Unit, T ByHand) Decode<T>(Unit u) where T : class, IVerbContract
    {
        var argv = Argv(u);
        Assert.Equal(T.Verb, argv.Take(T.Verb.Count));
        IReadOnlyList<string>? Given(ContractField f)
        {
            var values = new List<string>();
            for (var i = T.Verb.Count; i < argv.Count; i += 2)
                if (argv[i] == f.Option) values.Add(argv[i + 1]);
            return values.Count == 0 ? null : values;
        }
        var unit = ContractCodec.Decode<T>(Given, null);
        var byHand = ContractCodec.Decode<T>(f => f.Key is null ? Given(f) : null, k => Smoke.TryGetValue(k, out var v) ? v.Raw : null);
        return (unit, byHand);
    }

    [Fact]
    public void Train_units_parse_back_to_the_smoke_profile_and_declare_only_their_variants_max_iter()
    {
        foreach (var u in Plan.UnitsOf("Train").Where(u => u.Id != "curves"))
        {
            var (unit, byHand) = Decode<VaeTrainArgs>(u);
            Assert.Equal(byHand, unit);
            Assert.Equal(u.Id, unit.Model.Id);
            Assert.Equal(4, unit.MaxIter);
            Assert.Equal(ContractCodec.Keys<VaeTrainArgs>(unit.Model.Variant), u.Spec.Params);
            Assert.Single(u.Spec.Params!, k => k.EndsWith("_max_iter", StringComparison.Ordinal));
        }
        var curves = Plan.UnitsOf("Train").Single(u => u.Id == "curves");
        Assert.Equal(["vae", "gather", "--family", "training_curves"], Argv(curves).Take(4));
    }

    [Fact]
    public void Evaluate_latency_and_covariance_units_parse_back_to_the_smoke_profile()
    {
        foreach (var u in Plan.UnitsOf("Evaluate").Where(u => u.Id != "metrics"))
        {
            var (unit, byHand) = Decode<VaeTestArgs>(u);
            Assert.Equal(byHand, unit);
            Assert.Equal((3, "none"), (unit.Batches, unit.LpipsWeights));
        }
        foreach (var u in Plan.UnitsOf("Latency").Where(u => u.Id != "capacity"))
        {
            var (unit, byHand) = Decode<VaeLatencyArgs>(u);
            Assert.Equal(byHand, unit);
            Assert.Equal((u.Id, 256, 2), (unit.Model.Id, unit.TexSize, unit.Threads));
        }
        var (capacity, capacityByHand) = Decode<VaeCapacityArgs>(Plan.UnitsOf("Latency").Single(u => u.Id == "capacity"));
        Assert.Equal(capacityByHand with { Latency = [], Headsets = [] }, capacity with { Latency = [], Headsets = [] });
        Assert.Equal(["quest_pro", "quest_3"], capacity.Headsets);
        var (covariance, covarianceByHand) = Decode<VaeCovarianceArgs>(Plan.UnitsOf("Covariance").Single());
        Assert.Equal(covarianceByHand, covariance);
    }
}
