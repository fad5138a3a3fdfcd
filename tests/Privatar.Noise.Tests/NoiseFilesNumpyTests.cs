using Privatar.Core.Tests.Fixtures;
using Privatar.Noise.Tests.Fixtures;
using Xunit;

namespace Privatar.Noise.Tests;

/// <summary>The noise files load with numpy (Debian's python3-numpy) in the original's shapes and dtype.</summary>
public sealed class NoiseFilesNumpyTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("noise-numpy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [NumpyFact]
    public void Every_Noise_File_Should_Load_With_Numpy_In_The_Originals_Shape()
    {
        // Given a complete file set for the baseline (DP) and the direct split (DP and PAC), corrected
        var latents = SyntheticLatents.Gaussian(300, 256, seed: 4).ToArray();
        var options = new DpNoiseOptions(NoiseFidelity.Corrected, 65, 20);
        NoiseArtifacts.WriteDpNoise(_dir, NoiseTarget.Baseline, latents, 0.01, options);
        NoiseArtifacts.WriteL2Norm(_dir, NoiseTarget.Baseline, latents);
        var dp = NoiseArtifacts.WriteDpNoise(_dir, NoiseTarget.DirectSplit, latents, 1, options);
        var spectrum = NoiseArtifacts.WritePacStatistics(_dir, NoiseTarget.DirectSplit, latents);
        NoiseArtifacts.WritePacNoise(_dir, NoiseTarget.DirectSplit, spectrum, 1, NoiseFidelity.Corrected);
        string[] files =
        [
            NoiseFileNames.DpNoise(NoiseTarget.Baseline, 0.01), NoiseFileNames.L2Norm(NoiseTarget.Baseline), NoiseFileNames.DpNoise(NoiseTarget.DirectSplit, 1),
            .. NoiseFileNames.PacStatisticsOutputs(NoiseTarget.DirectSplit), NoiseFileNames.PacNoise(NoiseTarget.DirectSplit, 1),
        ];

        // When numpy loads each, as the original's scripts do
        var output = PythonNumpy.Run("import numpy as np, sys\n" + string.Join("", files.Select(f =>
            $"a = np.load('{Path.Combine(_dir, f)}'); print('{f}', a.shape, a.dtype)\n")) +
            $"print(float(np.load('{Path.Combine(_dir, NoiseFileNames.DpNoise(NoiseTarget.DirectSplit, 1))}')[0]))\n");

        // Then the shapes are the original's: (256,) vectors, a 0-d norm, 256×256 matrices, all float64
        Assert.Equal(
        [
            "generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_0.01.npy (256,) float64",
            "l2norm/l2norm_z_completed_offloaded.npy () float64",
            "generated_dp_noise/dp_noise_partition_offloaded_decoder_16_1.npy (256,) float64",
            "covariance/covariance_matrix_partition_offloaded_decoder_16_z_offload.npy (256, 256) float64",
            "svd/u_partition_offloaded_decoder_16.npy (256, 256) float64",
            "svd/s_partition_offloaded_decoder_16.npy (256,) float64",
            "svd/u_t_partition_offloaded_decoder_16.npy (256, 256) float64",
            "noise_covariance/pac_noise_partition_offloaded_decoder_16_1.npy (256,) float64",
        ], output.Trim().Split('\n').SkipLast(1));
        Assert.Equal(dp.FileValue, double.Parse(output.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture), 9);
    }
}
