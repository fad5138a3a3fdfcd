using Privatar.Core;

namespace Privatar.Noise;

/// <summary>
/// File names of the original scripts (privatar-original.md §4), relative to the noise output directory, so our
/// files can replace the original artifact's one for one. MI values print as Python's str() prints the original's
/// list entries: 4, 3, 1, 0.1, 0.01.
/// </summary>
public static class NoiseFileNames
{
    public const string DpDir = "generated_dp_noise", L2NormDir = "l2norm", PacDir = "noise_covariance", CovarianceDir = "covariance", SvdDir = "svd";

    public static string Mi(double mutualInformation) => Invariant.Format(mutualInformation);

    /// <summary>The DP noise vector (d,): σ under original, σ² under corrected.</summary>
    public static string DpNoise(NoiseTarget t, double mi) => t.Branch switch
    {
        LatentBranch.CompletelyOffloaded => $"{DpDir}/dp_noise_completed_offloaded_multiface_decoder_{Mi(mi)}.npy",
        _ => $"{DpDir}/dp_noise_partition_{t.Side}_decoder_{t.N}_{Mi(mi)}.npy",
    };

    /// <summary>The 0-d ‖Z‖_F the original saves next to its DP noise.</summary>
    public static string L2Norm(NoiseTarget t) => t.Branch switch
    {
        LatentBranch.CompletelyOffloaded => $"{L2NormDir}/l2norm_z_completed_offloaded.npy",
        LatentBranch.PartitionLocal => $"{L2NormDir}/l2norm_offload_freq_num_{t.N}_z_local.npy",
        _ => $"{L2NormDir}/l2norm_offload_freq_num_{t.N}_z.npy",
    };

    /// <summary>The PAC noise vector (d,): per-direction variances (canonical basis under original, eigenbasis under corrected).</summary>
    public static string PacNoise(NoiseTarget t, double mi) => $"{PacDir}/pac_noise_partition_{t.Side}_decoder_{t.N}_{Mi(mi)}.npy";

    /// <summary>The latent covariance (d, d).</summary>
    public static string Covariance(NoiseTarget t) =>
        $"{CovarianceDir}/covariance_matrix_partition_{t.Side}_decoder_{t.N}_{(t.Branch == LatentBranch.PartitionLocal ? "z" : "z_offload")}.npy";

    /// <summary>The SVD of the covariance: u (d, d), s (d,), u_t (d, d). u is the corrected PAC noise basis.</summary>
    public static string SvdU(NoiseTarget t) => $"{SvdDir}/u_partition_{t.Side}_decoder_{t.N}.npy";
    public static string SvdS(NoiseTarget t) => $"{SvdDir}/s_partition_{t.Side}_decoder_{t.N}.npy";
    public static string SvdUt(NoiseTarget t) => $"{SvdDir}/u_t_partition_{t.Side}_decoder_{t.N}.npy";

    /// <summary>
    /// The files a consumer reads to apply one noise (<see cref="NoiseArtifacts.LoadNoiseTransform"/>): the DP or PAC
    /// vector, and for corrected PAC the eigenbasis u. Steps declare these as inputs; workers read exactly these.
    /// </summary>
    public static IReadOnlyList<string> TransformFiles(NoiseKind kind, NoiseTarget t, double mi, NoiseFidelity fidelity) =>
        kind == NoiseKind.Dp ? [DpNoise(t, mi)] : fidelity == NoiseFidelity.Corrected ? [PacNoise(t, mi), SvdU(t)] : [PacNoise(t, mi)];

    /// <summary>The MI-independent file of a target's DP statistics unit.</summary>
    public static IReadOnlyList<string> DpStatisticsOutputs(NoiseTarget t) => [L2Norm(t)];

    /// <summary>The files of one PAC noise unit (per target and MI bound).</summary>
    public static IReadOnlyList<string> PacOutputs(NoiseTarget t, double mi) => [PacNoise(t, mi)];

    /// <summary>The MI-independent files of a target's PAC statistics unit (the corrected noise also needs u).</summary>
    public static IReadOnlyList<string> PacStatisticsOutputs(NoiseTarget t) => [Covariance(t), SvdU(t), SvdS(t), SvdUt(t)];
}
