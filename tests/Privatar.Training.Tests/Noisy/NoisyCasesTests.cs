using Privatar.Models;
using Privatar.Noise;
using Privatar.Training.Noisy;
using Xunit;
using Privatar.Contracts;

namespace Privatar.Training.Tests.Noisy;

/// <summary>From noise files (written by Privatar.Noise) to cases: which file, clipping, rotation, PSR, seeds.</summary>
public sealed class NoisyCasesTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "privatar-noisy-cases-" + Guid.NewGuid().ToString("N"));
    static readonly ModelConfig P8 = new(VaeVariant.Partition, Offloaded: 8);

    static double[,] Latents(int rows, int dims, int seed)
    {
        var rng = new Random(seed);
        var z = new double[rows, dims];
        for (var t = 0; t < rows; t++)
            for (var j = 0; j < dims; j++) z[t, j] = rng.NextDouble() * (j + 1);
        return z;
    }

    public NoisyCasesTests() => Directory.CreateDirectory(_dir);
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Corrected_dp_reads_the_variance_file_and_clips_original_dp_does_not()
    {
        var target = NoisyCases.TargetOf(P8);
        Assert.Equal(NoiseTarget.Offloaded(8), target);
        var z = Latents(20, 256, 1);
        var corrected = NoiseArtifacts.WriteDpNoise(_dir, target, z, 1, new DpNoiseOptions(NoiseFidelity.Corrected, 65, 20));
        var c = NoisyCases.Load(_dir, NoiseKind.Dp, NoiseFidelity.Corrected, P8, 1, 65, 20, 1234);
        Assert.Equal(("dp", "corrected", 20.0), (c.Mechanism, c.Fidelity, c.ClipBound));
        Assert.Equal(corrected.Sigma, c.Transform![0, 0], 1e-9 * corrected.Sigma);   // file holds σ², A = √σ² = σ
        Assert.Equal(PosteriorSuccess.FromMutualInformation(1, 65).SuccessRate, c.Psr);

        var original = new DpNoiseOptions(NoiseFidelity.Original, 65, 20);
        var o = NoiseArtifacts.WriteDpNoise(_dir, target, z, 1, original);   // same name: the folder is per fidelity in the pipeline
        var oc = NoisyCases.Load(_dir, NoiseKind.Dp, NoiseFidelity.Original, P8, 1, 65, 20, 1234);
        Assert.Null(oc.ClipBound);
        Assert.Equal(Math.Sqrt(o.Sigma), oc.Transform![0, 0], 1e-9 * Math.Sqrt(o.Sigma));   // σ used as a variance: the original's quirk
        Assert.Equal(0.4, oc.Psr);
    }

    [Fact]
    public void Corrected_pac_is_rotated_by_the_eigenbasis_and_the_baseline_has_no_pac()
    {
        var target = NoiseTarget.Offloaded(8);
        var spectrum = NoiseArtifacts.WritePacStatistics(_dir, target, Latents(40, 256, 2));
        var variances = NoiseArtifacts.WritePacNoise(_dir, target, spectrum, 1, NoiseFidelity.Corrected);
        var c = NoisyCases.Load(_dir, NoiseKind.Pac, NoiseFidelity.Corrected, P8, 1, 65, 20, 1234);
        Assert.Null(c.ClipBound);
        for (var i = 0; i < 256; i += 51)
            for (var j = 0; j < 256; j += 37)
                Assert.Equal(spectrum.U[i, j] * Math.Sqrt(variances[j]), c.Transform![i, j], 1e-9);
        var e = Assert.Throws<ArgumentException>(() => NoisyCases.Load(_dir, NoiseKind.Pac, NoiseFidelity.Corrected, ModelConfig.Baseline, 1, 65, 20, 1234));
        Assert.Contains("no pac noise for baseline", e.Message);
    }

    [Fact]
    public void A_missing_noise_file_is_named()
    {
        var e = Assert.ThrowsAny<Exception>(() => NoisyCases.Load(_dir, NoiseKind.Dp, NoiseFidelity.Corrected, P8, 3, 65, 20, 1));
        Assert.Contains("dp_noise_partition_offloaded_decoder_8_3.npy", e.Message);
    }

    [Fact]
    public void Each_model_has_its_own_stable_noise_seed_shared_by_its_cases()
    {
        var seed = NoisyCases.NoiseSeed(1234, P8);
        Assert.Equal(seed, NoisyCases.NoiseSeed(1234, new ModelConfig(VaeVariant.Partition, Offloaded: 8)));
        Assert.NotEqual(seed, NoisyCases.NoiseSeed(1235, P8));
        Assert.NotEqual(seed, NoisyCases.NoiseSeed(1234, new ModelConfig(VaeVariant.Partition, Offloaded: 2)));
        Assert.Equal(Privatar.Core.SeedStreams.Derive(1234, Privatar.Core.SeedPurpose.NoisyInferenceNoise, "partition_n8"), seed);
        Assert.Equal("partition n=8 + pac MI=0.1 (corrected)", NoisyCases.Label(P8, new NoiseCase("pac", "corrected", 0.1, 0.09, null, null, 0)));
        Assert.Equal("baseline", NoisyCases.Label(ModelConfig.Baseline, NoiseCase.Clean));
    }
}
