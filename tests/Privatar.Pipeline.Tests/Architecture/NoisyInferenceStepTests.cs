using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The NoisyInference declaration against the real cake.config: its units, their inputs and what a change reruns.</summary>
public sealed class NoisyInferenceStepTests
{
    static IReadOnlyList<Unit> Units(Dictionary<string, string>? overrides = null) => StepPlans.Units("NoisyInference", overrides);

    [Fact]
    public void Smoke_has_a_clean_unit_one_unit_per_fidelity_and_mi_a_gather_and_the_grid()
    {
        var units = Units();
        Assert.Equal(["clean", "corrected_mi4", "corrected_mi3", "corrected_mi1", "corrected_mi0.1", "corrected_mi0.01",
                      "original_mi4", "original_mi3", "original_mi1", "original_mi0.1", "original_mi0.01", "noisy_inference", "reconstruction_grid"],
            units.Select(u => u.Id));
        var corrected = units.Single(u => u.Id == "corrected_mi1");
        Assert.Contains("artifacts/smoke/noise/corrected/generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_1.npy", corrected.Inputs);
        Assert.Contains("artifacts/smoke/noise/corrected/generated_dp_noise/dp_noise_partition_offloaded_decoder_16_1.npy", corrected.Inputs);
        Assert.Contains("artifacts/smoke/noise/corrected/noise_covariance/pac_noise_partition_offloaded_decoder_14_1.npy", corrected.Inputs);
        Assert.Contains("artifacts/smoke/noise/corrected/svd/u_partition_offloaded_decoder_8.npy", corrected.Inputs);
        Assert.Contains("artifacts/smoke/train/partition_n2/best_model.pt", corrected.Inputs);
        Assert.DoesNotContain(corrected.Inputs, i => i.Contains("_local_"));   // inference noises the offloaded latent only
        Assert.Contains("noise.dp_clip_bound", corrected.Params.Keys);
        var original = units.Single(u => u.Id == "original_mi1");
        Assert.DoesNotContain(original.Inputs, i => i.Contains("/svd/"));      // the original's PAC noise is not rotated
        Assert.DoesNotContain("noise.dp_clip_bound", original.Params.Keys);
        Assert.Contains("--mi 1", original.CommandText);
        Assert.DoesNotContain("--classes", original.CommandText);
        Assert.Contains("--classes 65 --clip-bound 20", corrected.CommandText);
        var clean = units.Single(u => u.Id == "clean");
        Assert.DoesNotContain("runtime.noise", clean.Params.Keys);   // the clean reference draws no noise
        Assert.DoesNotContain("--noise ", clean.CommandText);
        Assert.Contains("--slices artifacts/smoke/noisy/clean.csv", units.Single(u => u.Id == "noisy_inference").CommandText);
        var grid = units.Single(u => u.Id == "reconstruction_grid");
        Assert.Equal(1 + 3 * 7, grid.Outputs.Count);   // 3 samples x (photo, baseline, n = 2, 8, 14, n = 14 + dp, + pac)
        Assert.Contains("artifacts/smoke/noise/corrected/noise_covariance/pac_noise_partition_offloaded_decoder_14_1.npy", grid.Inputs);
        Assert.Contains("--fidelity corrected --mi 1", grid.CommandText);
        Assert.Contains("noisy_inference.grid_mi", grid.Params.Keys);
    }

    [Fact]
    public void Changing_the_clip_bound_changes_only_the_corrected_units_and_the_gather()
    {
        var changed = StepPlans.Changed("NoisyInference", new() { ["noise_dp_clip_bound"] = "10" });
        Assert.Contains("reconstruction_grid", changed);
        Assert.DoesNotContain(changed, id => id.StartsWith("original_") || id == "clean");
        Assert.Contains("corrected_mi1", changed);
    }

    [Fact]
    public void Changing_one_mi_bound_changes_only_that_bounds_units_and_the_gather()
    {
        Assert.Equal(["corrected_mi0.02", "noisy_inference", "original_mi0.02"],
            StepPlans.Changed("NoisyInference", new() { ["noise_mi_bounds"] = "4, 3, 1, 0.1, 0.02" }));
    }

    [Fact]
    public void A_grid_mi_outside_the_bounds_is_refused_naming_the_key()
    {
        var e = Assert.ThrowsAny<Exception>(() => Units(new() { ["noisy_inference_grid_mi"] = "2" }));
        Assert.Contains("[noisy_inference] grid_mi = 2", e.ToString());
    }
}
