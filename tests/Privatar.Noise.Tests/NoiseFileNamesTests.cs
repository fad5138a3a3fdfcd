using Xunit;

namespace Privatar.Noise.Tests;

public sealed class NoiseFileNamesTests
{
    static readonly double[] Mis = [4, 3, 1, 0.1, 0.01];
    static readonly int[] Partitions = [2, 4, 6, 8, 10, 12, 14];

    [Fact]
    public void Should_Use_The_Originals_Names()
    {
        Assert.Equal("generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_0.01.npy", NoiseFileNames.DpNoise(NoiseTarget.Baseline, 0.01));
        Assert.Equal("generated_dp_noise/dp_noise_partition_offloaded_decoder_16_4.npy", NoiseFileNames.DpNoise(NoiseTarget.DirectSplit, 4));
        Assert.Equal("generated_dp_noise/dp_noise_partition_local_decoder_2_0.1.npy", NoiseFileNames.DpNoise(NoiseTarget.Local(2), 0.1));
        Assert.Equal("l2norm/l2norm_z_completed_offloaded.npy", NoiseFileNames.L2Norm(NoiseTarget.Baseline));
        Assert.Equal("l2norm/l2norm_offload_freq_num_14_z.npy", NoiseFileNames.L2Norm(NoiseTarget.Offloaded(14)));
        Assert.Equal("l2norm/l2norm_offload_freq_num_14_z_local.npy", NoiseFileNames.L2Norm(NoiseTarget.Local(14)));
        Assert.Equal("noise_covariance/pac_noise_partition_local_decoder_14_1.npy", NoiseFileNames.PacNoise(NoiseTarget.Local(14), 1));
        Assert.Equal("covariance/covariance_matrix_partition_local_decoder_8_z.npy", NoiseFileNames.Covariance(NoiseTarget.Local(8)));
        Assert.Equal("covariance/covariance_matrix_partition_offloaded_decoder_8_z_offload.npy", NoiseFileNames.Covariance(NoiseTarget.Offloaded(8)));
        Assert.Equal("svd/u_t_partition_offloaded_decoder_16.npy", NoiseFileNames.SvdUt(NoiseTarget.DirectSplit));
    }

    [Fact]
    public void Should_Cover_The_Originals_80_DP_And_75_PAC_Noise_Files()
    {
        var dpTargets = new[] { NoiseTarget.Baseline, NoiseTarget.DirectSplit }
            .Concat(Partitions.Select(NoiseTarget.Offloaded)).Concat(Partitions.Select(NoiseTarget.Local)).ToList();
        var pacTargets = dpTargets.Where(t => t.Branch != LatentBranch.CompletelyOffloaded).ToList();

        var dp = dpTargets.SelectMany(t => Mis.Select(m => NoiseFileNames.DpNoise(t, m))).ToHashSet();
        var pac = pacTargets.SelectMany(t => Mis.Select(m => NoiseFileNames.PacNoise(t, m))).ToHashSet();

        Assert.Equal(5 + 40 + 35, dp.Count);
        Assert.Equal(35 + 40, pac.Count);
    }

    [Fact]
    public void Should_Refuse_Targets_The_Original_Does_Not_Have()
    {
        Assert.Contains("baseline", Assert.Throws<ArgumentException>(() => NoiseFileNames.PacNoise(NoiseTarget.Baseline, 1)).Message);
        Assert.Throws<ArgumentException>(() => NoiseTarget.Local(16));
        Assert.Throws<ArgumentException>(() => NoiseTarget.Offloaded(17));
    }
}
