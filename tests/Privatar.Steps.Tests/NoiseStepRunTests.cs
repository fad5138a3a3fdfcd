using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Privatar.Core;
using Privatar.Noise;
using Privatar.Pipeline;
using Privatar.Results;
using Xunit;

namespace Privatar.Steps.Tests;

/// <summary>
/// The Noise step run by the engine, in-process, on synthetic Evaluate latents in a scratch repository:
/// the files and tables it writes, a second build that does nothing, and a one-bound change that reruns only that bound.
/// </summary>
public sealed class NoiseStepRunTests : IDisposable
{
    const int Rows = 23, Dims = 8, BatchSize = 5;

    const string Config = $"""
        [runtime]
        device = cpu
        threads = 0
        seed = 7

        {EngineConfig.Sections}

        [noise]
        mi_bounds = 1, 0.1
        classes = 65
        fidelities = corrected, original
        dp_clip_bound = 20
        original_latents = none

        [train]
        variants = baseline, partition
        partition_n = 4

        [test]
        batch_size = 5

        [profile.smoke]
        """;

    readonly Repo.TempDir _root = new();
    readonly ListLog _log = new();

    public NoiseStepRunTests()
    {
        File.WriteAllText(Path.Combine(_root.Path, "cake.config"), Config);
        Latents("baseline/z.npy", seed: 1, scale: 10);
        Latents("partition_n4/z.npy", seed: 2, scale: 1);
        Latents("partition_n4/z_offload.npy", seed: 3, scale: 3);
    }

    public void Dispose() => _root.Dispose();

    void Latents(string relative, int seed, double scale)
    {
        var rng = new MersenneTwister(seed);
        var path = Path.Combine(_root.Path, "artifacts/smoke/test", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Npy.Write(path, Enumerable.Range(0, Rows * Dims).Select(_ => (float)(scale * Normal.Sample(rng, 0, 1))).ToArray(), Rows, Dims);
    }

    List<string> Build(Dictionary<string, string>? overrides = null)
    {
        // The step alone, with no code files to hash (the scratch root has no src/).
        var options = new PipelineOptions(_root.Path, "smoke") { Overrides = overrides ?? [] };
        using var session = PipelineSession.Open(options, [NoiseStep.Spec with { Code = [] }], _log);
        return session.Run("Noise").Select(u => u.Id).ToList();
    }

    string Artifact(string relative) => Path.Combine(_root.Path, "artifacts/smoke", relative);

    [Fact]
    public void Should_Write_Every_Noise_File_And_The_Three_Tables()
    {
        // When
        var ran = Build();

        // Then per fidelity: 3 DP targets (l2norm + 2 bounds), 2 PAC targets (svd + 2 bounds); then 3 gathers
        Assert.Equal(2 * (3 * 3 + 2 * 3) + 3, ran.Count);
        foreach (var f in new[] { "corrected", "original" })
        {
            var dp = Npy.Read(Artifact($"noise/{f}/generated_dp_noise/dp_noise_partition_local_decoder_4_0.1.npy"));
            Assert.Equal(NpyDType.Float64, dp.DType);
            Assert.Equal([Dims], dp.Shape);
            Assert.Equal([Dims, Dims], Npy.Read(Artifact($"noise/{f}/svd/u_partition_offloaded_decoder_4.npy")).Shape);
            Assert.Empty(Npy.Read(Artifact($"noise/{f}/l2norm/l2norm_z_completed_offloaded.npy")).Shape);
        }

        var summary = ResultCsv.Read(ResultFamilies.NoiseSummary, Artifact("results"));
        Assert.Equal(2 * (3 + 2) * 2, summary.Count);
        var vectors = ResultCsv.Read(ResultFamilies.NoiseVectors, Artifact("results"));
        Assert.Equal(2 * 1 * 2 * 6 * Dims, vectors.Count);
        Assert.Equal(4, ResultCsv.Read(ResultFamilies.PsrBounds, Artifact("results")).Count);
    }

    [Fact]
    public void Original_DP_Should_Use_The_Loader_Quirk_And_Corrected_DP_Every_Row()
    {
        Build();
        var rows = Npy.Read(Artifact("test/baseline/z.npy")).ToMatrix();
        var summary = ResultCsv.Read(ResultFamilies.NoiseSummary, Artifact("results"));

        // original: z_0 (the first batch of 5 rows) is skipped, so ||Z||_F covers rows 5..22; PSR 0.4, prior 1/56
        var original = summary.Single(r => r is { Mechanism: "dp", Fidelity: "original", Branch: "baseline", Mi: 1 });
        var frobenius = Math.Sqrt(Enumerable.Range(BatchSize, Rows - BatchSize).Sum(t => Enumerable.Range(0, Dims).Sum(j => rows[t, j] * rows[t, j])));
        Assert.Equal(frobenius, original.Sensitivity!.Value, 9);
        Assert.Equal(0.4, original.Psr);
        Assert.Equal(RdpGaussian.Calibrate(0.4, 1.0 / 56).NoiseMultiplier, original.NoiseMultiplier!.Value, 12);
        Assert.Null(original.N);
        Assert.Equal("noise/original/generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_1.npy", original.File);

        // corrected: Δ = 2C and the file holds σ² with σ from the Fano PSR against 1/65
        var corrected = summary.Single(r => r is { Mechanism: "dp", Fidelity: "corrected", Branch: "baseline", Mi: 1 });
        var psr = PosteriorSuccess.FromMutualInformation(1, 65).SuccessRate;
        var sigma = 40 * RdpGaussian.Calibrate(psr, 1.0 / 65).NoiseMultiplier;
        Assert.Equal(40, corrected.Sensitivity);
        Assert.Equal(sigma * sigma, corrected.NoiseMax, 9);
        Assert.Equal(Dims * sigma * sigma, corrected.NoiseSum, 6);
        Assert.Equal(psr, corrected.Psr);
        Assert.Equal(65, corrected.Classes);
    }

    [Fact]
    public void PAC_Files_Should_Follow_The_Eigenvalues_Of_Each_Fidelitys_Latents()
    {
        Build();
        var z = Npy.Read(Artifact("test/partition_n4/z_offload.npy")).ToMatrix();
        foreach (var (fidelity, matrix) in new[] { (NoiseFidelity.Corrected, z), (NoiseFidelity.Original, LatentAssembly.Original(LatentAssembly.Batches(z, BatchSize))) })
        {
            var expected = PacSpectrum.Of(matrix).NoiseVariances(0.1, fidelity);
            var written = Npy.Read(Artifact($"noise/{fidelity.Name()}/noise_covariance/pac_noise_partition_offloaded_decoder_4_0.1.npy")).ToDoubles();
            Assert.Equal(expected.Length, written.Length);
            for (var j = 0; j < Dims; j++) Assert.Equal(expected[j], written[j], 9);
        }
    }

    [Fact]
    public void Psr_Bounds_Should_Name_The_Class_Count_And_Prior_Used()
    {
        Build();
        var rows = ResultCsv.Read(ResultFamilies.PsrBounds, Artifact("results"));

        var corrected = rows.Single(r => r is { Fidelity: "corrected", Mi: 1 });
        Assert.Equal((65, 1.0 / 65, 0.398388, false, (double?)0.4), (corrected.Classes, corrected.Prior, Math.Round(corrected.Psr, 6), corrected.Vacuous, corrected.OriginalPsr));
        var original = rows.Single(r => r is { Fidelity: "original", Mi: 0.1 });
        Assert.Equal((65, 1.0 / 56, 0.09, (double?)0.09), (original.Classes, original.Prior, original.Psr, original.OriginalPsr));
    }

    [Fact]
    public void A_Second_Build_Should_Run_Nothing_And_One_Changed_Bound_Only_Its_Units()
    {
        // Given a complete build
        Build();

        // When nothing changed, nothing runs
        Assert.Empty(Build());

        // When one bound changes (0.1 -> 0.2)
        var ran = Build(new() { ["noise_mi_bounds"] = "1, 0.2" });

        // Then only the 0.2 units (2 fidelities x (3 DP + 2 PAC)) and the three gathers run
        Assert.Equal(2 * 5, ran.Count(id => id.EndsWith("_mi0.2", StringComparison.Ordinal)));
        Assert.Equal(["psr_bounds", "summary", "vectors"], ran.Where(id => !id.EndsWith("_mi0.2", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // the original lists no PSR for 0.2: its own equation's root (K = 65) is used, and said so
        Assert.Contains(_log.Lines, l => l.Contains("MI 0.2: the original hard-codes no PSR for it"));
        var row = ResultCsv.Read(ResultFamilies.PsrBounds, Artifact("results")).Single(r => r is { Fidelity: "original", Mi: 0.2 });
        Assert.Equal(PosteriorSuccess.FromMutualInformation(0.2, 65).SuccessRate, row.Psr);
        Assert.Null(row.OriginalPsr);
    }

    [Fact]
    public void A_Latent_File_Of_The_Wrong_Rank_Should_Fail_Naming_It()
    {
        Npy.Write(Path.Combine(_root.Path, "artifacts/smoke/test/baseline/z.npy"), new double[] { 1, 2, 3 }, 3);
        var ex = Assert.ThrowsAny<Exception>(() => Build());
        Assert.Contains("baseline/z.npy", ex.Message);
        Assert.Contains("expected a latent matrix [N, d]", ex.Message);
    }
}
