using Privatar.Pipeline;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Xunit;

namespace Privatar.Steps.Tests;

/// <summary>The Train step's expansion against the real cake.config, from scratch and from the original's pretrained checkpoint.</summary>
public sealed class TrainStepTests
{
    static Dictionary<string, Unit> TrainUnits(Dictionary<string, string>? overrides = null)
    {
        var config = ExperimentConfig.Load(Path.Combine(Repo.Root, "cake.config"), "smoke", overrides ?? [], PipelinePlan.SchemaOf(StepCatalog.All));
        return PipelinePlan.Build(StepCatalog.All, config, new ListLog()).UnitsOf("Train").ToDictionary(u => u.Id);
    }

    [Fact]
    public void From_scratch_the_variants_read_the_trained_baseline()
    {
        var units = TrainUnits();
        Assert.Equal(["artifacts/smoke/data/subject.manifest.tsv"], units["baseline"].Inputs);
        Assert.Contains("artifacts/smoke/train/baseline/best_model.pt", units["partition_n8"].Inputs);
        Assert.Contains("--baseline", units["partition_n8"].CommandText);
        Assert.DoesNotContain("--pretrained", units["baseline"].CommandText);
    }

    [Fact]
    public void With_a_pretrained_checkpoint_every_unit_reads_it_and_none_reads_our_baseline()
    {
        // Given [train] pretrained set (its content is then in every Train unit's stamp, as a declared input)
        var units = TrainUnits(new() { ["train_pretrained"] = "tests/fixtures/pytorch/baseline_tex16.pth" });

        // Then every training unit declares it, passes it to vae train, and no longer waits for the trained baseline
        foreach (var u in units.Values.Where(u => u.Id != "curves"))
        {
            Assert.Equal(["artifacts/smoke/data/subject.manifest.tsv", "tests/fixtures/pytorch/baseline_tex16.pth"], u.Inputs);
            Assert.Contains("--pretrained tests/fixtures/pytorch/baseline_tex16.pth", u.CommandText);
            Assert.DoesNotContain("--baseline", u.CommandText);
        }
    }
}
