using Privatar.Pipeline;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Xunit;

namespace Privatar.Steps.Tests;

/// <summary>The Noise step's expansion against the real cake.config: which units, which files, which keys each unit reads.</summary>
public sealed class NoiseStepTests
{
    static List<Unit> NoiseUnits(string profile = "smoke", Dictionary<string, string>? overrides = null)
    {
        var config = ExperimentConfig.Load(Path.Combine(Repo.Root, "cake.config"), profile, overrides ?? [], PipelinePlan.SchemaOf(StepCatalog.All));
        return PipelinePlan.Build(StepCatalog.All, config, new ListLog()).UnitsOf("Noise").ToList();
    }

    [Fact]
    public void Smoke_Should_Expand_To_Statistics_And_One_Unit_Per_Target_Mechanism_And_Bound_Per_Fidelity()
    {
        // Given smoke: baseline, direct split and partition n = 2, 8, 14; MI 4, 3, 1, 0.1, 0.01; both fidelities
        var units = NoiseUnits();

        // Then per fidelity: 8 DP targets (l2norm + 5 bounds each), 7 PAC targets (svd + 5 bounds each), then 3 gathers
        Assert.Equal(2 * (8 * 6 + 7 * 6) + 3, units.Count);
        Assert.Equal(["summary", "vectors", "psr_bounds"], units.TakeLast(3).Select(u => u.Id));
        Assert.Equal(2 * 8 * 5, units.Count(u => u.Id.Contains("_dp_")));
        Assert.Equal(2 * 7 * 5, units.Count(u => u.Id.Contains("_pac_")));
        Assert.DoesNotContain(units, u => u.Id.Contains("pac_baseline") || u.Id.Contains("svd_baseline"));
    }

    [Fact]
    public void Units_Should_Write_The_Originals_File_Names_Under_Each_Fidelity()
    {
        var byId = NoiseUnits().ToDictionary(u => u.Id);

        Assert.Equal(
            ["artifacts/smoke/noise/corrected/generated_dp_noise/dp_noise_partition_offloaded_decoder_16_0.01.npy", "artifacts/smoke/noise/corrected/summary/corrected_dp_direct_split_mi0.01.csv"],
            byId["corrected_dp_direct_split_mi0.01"].Outputs);
        Assert.Equal(["artifacts/smoke/test/direct_split/z_offload.npy"], byId["corrected_dp_direct_split_mi0.01"].Inputs);
        Assert.Equal("artifacts/smoke/noise/original/generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_4.npy", byId["original_dp_baseline_mi4"].Outputs[0]);
        Assert.Equal(["artifacts/smoke/test/baseline/z.npy"], byId["original_dp_baseline_mi4"].Inputs);
        Assert.Equal(["artifacts/smoke/test/partition_n8/z.npy"], byId["original_l2norm_partition_8_local"].Inputs);
        Assert.Equal("artifacts/smoke/noise/original/l2norm/l2norm_offload_freq_num_8_z_local.npy", byId["original_l2norm_partition_8_local"].Outputs.Single());
        Assert.Equal(
            ["artifacts/smoke/noise/corrected/covariance/covariance_matrix_partition_offloaded_decoder_14_z_offload.npy", "artifacts/smoke/noise/corrected/svd/u_partition_offloaded_decoder_14.npy",
             "artifacts/smoke/noise/corrected/svd/s_partition_offloaded_decoder_14.npy", "artifacts/smoke/noise/corrected/svd/u_t_partition_offloaded_decoder_14.npy"],
            byId["corrected_svd_partition_14_offloaded"].Outputs);
        // a PAC bound reads only the eigenvalues its statistics unit wrote
        Assert.Equal(["artifacts/smoke/noise/original/svd/s_partition_local_decoder_2.npy"], byId["original_pac_partition_2_local_mi0.1"].Inputs);
        Assert.Equal("artifacts/smoke/noise/original/noise_covariance/pac_noise_partition_local_decoder_2_0.1.npy", byId["original_pac_partition_2_local_mi0.1"].Outputs[0]);
        Assert.Equal(["artifacts/smoke/results/noise_summary.csv"], byId["summary"].Outputs);
        Assert.Equal(2 * (8 + 7) * 5, byId["summary"].Inputs.Count);
        Assert.Equal(["artifacts/smoke/results/noise_vectors.csv"], byId["vectors"].Outputs);
        Assert.Equal(["artifacts/smoke/results/psr_bounds.csv"], byId["psr_bounds"].Outputs);
    }

    [Fact]
    public void Each_Unit_Should_Stamp_Only_The_Keys_Its_Computation_Reads()
    {
        var byId = NoiseUnits().ToDictionary(u => u.Id);
        string[] Keys(string id) => [.. byId[id].Params.Keys];

        // corrected DP: classes (PSR, prior) and the clip bound; original DP: the batch size its loader quirk needs
        Assert.Equal(["noise.classes", "noise.dp_clip_bound"], Keys("corrected_dp_partition_8_offloaded_mi1"));
        Assert.Equal(["test.batch_size"], Keys("original_dp_partition_8_offloaded_mi1"));
        Assert.Equal(["noise.classes"], Keys("corrected_pac_partition_8_offloaded_mi1"));
        Assert.Empty(Keys("original_pac_partition_8_offloaded_mi1"));
        Assert.Empty(Keys("corrected_svd_partition_8_offloaded"));
        Assert.Equal(["test.batch_size"], Keys("original_svd_partition_8_offloaded"));
        Assert.Equal(["noise.classes", "noise.fidelities", "noise.mi_bounds"], Keys("psr_bounds"));
        // no per-bound unit reads the list of bounds, so editing one bound leaves the others' stamps unchanged
        Assert.DoesNotContain(byId.Values.Where(u => u.Id.Contains("_mi")), u => u.Params.ContainsKey("noise.mi_bounds"));
    }

    [Fact]
    public void Changing_One_Bound_Should_Change_Only_That_Bounds_Units_And_The_Gathers()
    {
        // Given the plan before and after 0.01 -> 0.02
        var before = NoiseUnits().ToDictionary(u => u.Id);
        var after = NoiseUnits(overrides: new() { ["noise_mi_bounds"] = "4, 3, 1, 0.1, 0.02" }).ToDictionary(u => u.Id);

        // Then the units of the other bounds and the statistics are identical (id, inputs, outputs, stamped keys)
        var removed = before.Keys.Except(after.Keys).ToList();
        var added = after.Keys.Except(before.Keys).ToList();
        Assert.All(removed, id => Assert.EndsWith("_mi0.01", id));
        Assert.All(added, id => Assert.EndsWith("_mi0.02", id));
        Assert.Equal(2 * (8 + 7), added.Count);
        var changed = before.Keys.Intersect(after.Keys).Where(id =>
            !before[id].Inputs.SequenceEqual(after[id].Inputs) || !before[id].Outputs.SequenceEqual(after[id].Outputs) ||
            !before[id].Params.OrderBy(k => k.Key).SequenceEqual(after[id].Params.OrderBy(k => k.Key)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["psr_bounds", "summary", "vectors"], changed);
    }

    [Fact]
    public void Corrected_Only_Should_Halve_The_Step()
    {
        var units = NoiseUnits(overrides: new() { ["noise_fidelities"] = "corrected" });
        Assert.Equal(8 * 6 + 7 * 6 + 3, units.Count);
        Assert.DoesNotContain(units, u => u.Id.StartsWith("original_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("noise_fidelities", "corrected, fancy", "[noise] fidelities = corrected, fancy: item fancy: expected original or corrected")]
    [InlineData("noise_fidelities", "corrected, corrected", "[noise] fidelities: each fidelity may be listed once")]
    [InlineData("noise_mi_bounds", "1, 0", "[noise] mi_bounds = 1, 0: item 0: expected a value above 0")]
    [InlineData("noise_mi_bounds", "1, 1.0", "[noise] mi_bounds: each bound may be listed once")]
    public void Bad_Noise_Settings_Should_Stop_The_Plan_Naming_The_Key(string key, string value, string message)
    {
        // a value out of range is refused when the config is read (ConfigException), a repeated one when the step plans (ArgumentException)
        var ex = Assert.ThrowsAny<Exception>(() => NoiseUnits(overrides: new() { [key] = value }));
        Assert.Contains(message, ex.Message);
    }
}
