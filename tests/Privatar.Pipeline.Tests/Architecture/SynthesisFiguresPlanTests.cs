using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The synthesis figures against the real cake.config: one group per [synthesis] dataset, the gallery reading every set's sample grid.</summary>
public sealed class SynthesisFiguresPlanTests
{
    [Fact]
    public void Smoke_plans_the_synthesis_figures_for_mnist_and_the_gallery_reads_each_releases_samples()
    {
        var units = StepPlans.Units("SynthesisFigures").Where(u => u.Id.StartsWith("extra_synthesis_", StringComparison.Ordinal)).ToList();
        Assert.Equal(["extra_synthesis_accuracy_vs_epsilon_mnist", "extra_synthesis_accuracy_vs_k_mnist", "extra_synthesis_fid_vs_epsilon_mnist", "extra_synthesis_fid_vs_k_mnist",
                "extra_synthesis_samples_mnist", "extra_synthesis_seed_table_mnist"],
            units.Select(u => u.Id).Order());
        Assert.All(units, u => Assert.EndsWith(u.Id.Contains("_vs_k_", StringComparison.Ordinal) ? "/results/synthesis_ablation.csv" : "/results/synthesis.csv", u.Inputs[0]));
        var gallery = units.Single(u => u.Id == "extra_synthesis_samples_mnist");
        // smoke: nine methods at one target ε, and DPDM's K ablation; its replicates are not in the gallery
        Assert.Equal(10, gallery.Inputs.Count(i => i.EndsWith("/samples.png", StringComparison.Ordinal) && i.Contains("/synthesis/sets/mnist/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Adding_a_dataset_adds_only_its_figures()
    {
        var changed = StepPlans.Changed("SynthesisFigures", new() { ["synthesis_datasets"] = "mnist, fashion_mnist" });
        Assert.Equal(["extra_synthesis_accuracy_vs_epsilon_fashion_mnist", "extra_synthesis_fid_vs_epsilon_fashion_mnist", "extra_synthesis_samples_fashion_mnist", "extra_synthesis_seed_table_fashion_mnist"],
            changed);
    }
}
