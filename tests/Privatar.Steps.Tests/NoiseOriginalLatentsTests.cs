using Privatar.Noise;
using Privatar.Pipeline;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Steps.Noise;
using Xunit;

namespace Privatar.Steps.Tests;

/// <summary>[noise] original_latents: the Noise step reads the original's testing_results/&lt;folder&gt;/latent_code/z_k.pth batches.</summary>
public sealed class NoiseOriginalLatentsTests : IDisposable
{
    readonly Repo.TempDir _results = new();

    public NoiseOriginalLatentsTests()
    {
        // Given an original testing_results tree for smoke's models (the fixture's four batches in each folder)
        var fixture = Path.Combine(Repo.Root, "tests", "fixtures", "pytorch", "latent_code");
        foreach (var folder in new[] { "multiface", "test_multiface_direct_split", "test_partition_2", "test_partition_8", "test_partition_14" })
        {
            var to = Directory.CreateDirectory(Path.Combine(_results.Path, folder, "latent_code")).FullName;
            foreach (var f in Directory.GetFiles(fixture, "*.pth")) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }

    public void Dispose() => _results.Dispose();

    [Fact]
    public void Every_noise_unit_reads_the_originals_batches_and_they_assemble_as_its_loader_does()
    {
        var config = ExperimentConfig.Load(Path.Combine(Repo.Root, "cake.config"), "smoke",
            new Dictionary<string, string> { ["noise_original_latents"] = _results.Path }, PipelinePlan.SchemaOf(StepCatalog.All));
        var units = PipelinePlan.Build(StepCatalog.All, config, new ListLog()).UnitsOf("Noise").ToDictionary(u => u.Id);

        // Then the units declare the batch files (their content is in the stamps), z and z_offload apart
        Assert.Equal(Enumerable.Range(0, 4).Select(k => $"{_results.Path}/multiface/latent_code/z_{k}.pth"), units["corrected_l2norm_baseline"].Inputs);
        Assert.Equal(Enumerable.Range(0, 4).Select(k => $"{_results.Path}/test_partition_8/latent_code/z_offload_{k}.pth"),
            units["original_svd_partition_8_offloaded"].Inputs);

        // And the original's loader quirk applies to its own batches: z_0 left out, (N-2)·bs + |z_0| + |z_N| rows
        var path = $"{_results.Path}/multiface/latent_code/z";
        Assert.Equal(11, NoiseWork.Latents(path, NoiseFidelity.Corrected, 0).GetLength(0));
        var original = NoiseWork.Latents(path, NoiseFidelity.Original, 0);
        Assert.Equal((4 - 1 - 2) * 3 + 3 + 2, original.GetLength(0));
    }
}
