using Privatar.Contracts;
using Privatar.Attacks;
using Privatar.Models;
using Privatar.Noise;
using Privatar.Results;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Attacks.Tests;

/// <summary>
/// An easy synthetic case: z_offload is a sampled one-hot code of the frame (3·e_i + N(0, 0.1²)), and the cloud decoder
/// is an oracle that returns the true offloaded BDCT components of the frame it reads from z. Without noise both
/// attacks must identify every frame.
/// </summary>
public class EndToEndTests
{
    const int K = 6, N = 4;

    sealed class OracleModel(Tensor bdct, int offloaded = N) : IOffloadModel
    {
        public int Offloaded => offloaded;

        public Tensor OffloadLatent(AttackSamples s)
        {
            using var onehot = nn.functional.one_hot(arange(K, dtype: int64), 256).to(float32);
            using var jitter = randn(K, 256) * 0.1;
            return onehot * 3 + jitter;
        }

        public Tensor CloudDecode(Tensor z, Tensor view)
        {
            using var who = z.narrow(1, 0, K).argmax(1);
            using var picked = bdct.index_select(0, who);
            return BlockDct.Select(picked, FrequencyGrouping.For(offloaded).OffloadedComponents);
        }

        public void Dispose() { }
    }

    static AttackSamples Samples()
    {
        random.manual_seed(5);
        return AttackSamples.From(randn(K, 3, 16, 16), zeros(K, 4, 3), ones(K, 3));
    }

    [Fact]
    public void Empirical_attack_without_noise_identifies_every_frame_from_the_offloaded_components()
    {
        using var samples = Samples();
        using var bdct = BlockDct.Forward(samples.AvgTex);
        var all = AttackRunner.Empirical(new OracleModel(bdct), samples, new AttackUnit(NoiseFidelity.Corrected, null, "", 20, 1234));
        var rows = all.Where(r => r.Attack == "empirical").ToList();
        Assert.Equal(new[] { "ambiguity_merge", "accumulated_hf", "accumulated_offload" }, rows.Select(r => r.ReferenceMode));
        Assert.Equal(rows.Select(r => r.ReferenceMode), all.Where(r => r.Attack == Vocabulary.AttackCeiling).Select(r => r.ReferenceMode));
        var off = rows.Single(r => r.ReferenceMode == "accumulated_offload");
        Assert.Equal((K, K, 1.0), (off.Trials, off.Successes, off.Psr));
        Assert.Equal(1.0 / K, off.Prior);
        Assert.Equal(Math.Pow(0.025, 1.0 / K), off.CiLow, 9);
        Assert.All(rows, r => Assert.Equal(("empirical", "none", (double?)null, "partition", 4), (r.Attack, r.Mechanism, r.Mi, r.Variant, r.N!.Value)));
    }

    /// <summary>
    /// View textures whose BDCT is zero except one component, random per frame; n = 2 offloads one channel group
    /// (r_off = 1), which the headset reads as component 15, and accumulated_hf's reference sums components 14 and 15.
    /// </summary>
    static long CeilingSuccesses(int component)
    {
        random.manual_seed(11);
        using var d = zeros(new long[] { K, BlockDct.Components, 3, 4, 4 });
        d.select(1, component).copy_(randn(K, 3, 4, 4));
        using var samples = AttackSamples.From(BlockDct.Inverse(d), zeros(K, 4, 3), ones(K, 3));
        using var bdct = BlockDct.Forward(samples.AvgTex);
        var rows = AttackRunner.Empirical(new OracleModel(bdct, offloaded: 2), samples, new AttackUnit(NoiseFidelity.Corrected, null, "", 20, 1234));
        var ceiling = rows.Single(r => r.Attack == Vocabulary.AttackCeiling && r.ReferenceMode == "accumulated_hf");
        Assert.Equal(("none", (double?)null, 2, (long)K), (ceiling.Mechanism, ceiling.Mi, ceiling.N!.Value, ceiling.Trials));
        return ceiling.Successes;
    }

    [Fact]
    public void The_ceiling_matches_a_perfect_decoder_whose_channels_are_the_last_natural_order_components()
    {
        // Frames that differ in component 15: a perfect cloud output is the reference itself, so every frame is found.
        Assert.Equal(K, CeilingSuccesses(15));
        // Frames that differ only in component 14: the reference sees them, the cloud's channel (component 15) is zero
        // for every frame, so each query picks the reference of least energy, right for one frame only.
        Assert.Equal(1, CeilingSuccesses(14));
    }

    [Fact]
    public void Nn_attack_without_noise_learns_the_codes()
    {
        using var samples = Samples();
        using var bdct = BlockDct.Forward(samples.AvgTex);
        var settings = new NnTrainSettings(32, 30, 0.05, 0, 1, true);
        var rows = AttackRunner.Nn(new OracleModel(bdct), samples, new AttackUnit(NoiseFidelity.Corrected, null, "", 20, 1234), settings, latentDraws: 2);
        var row = Assert.Single(rows);
        Assert.Equal(("nn", "none", false, 1.0), (row.Attack, row.ReferenceMode, row.Adaptive, row.Psr));
    }

    [Fact]
    public void Noisy_units_read_the_noise_files_and_report_dp_and_pac_for_both_attackers()
    {
        using var dir = new TempDir();
        random.manual_seed(9);
        using var zt = randn(40, 256);
        var latents = AttackNoise.ToArray(zt);
        foreach (var target in new[] { NoiseTarget.Local(N), NoiseTarget.Offloaded(N) })
        {
            NoiseArtifacts.WriteDpNoise(dir.Path, target, latents, 1, new DpNoiseOptions(NoiseFidelity.Corrected, 65, 20));
            NoiseArtifacts.WritePacNoise(dir.Path, target, NoiseArtifacts.WritePacStatistics(dir.Path, target, latents), 1, NoiseFidelity.Corrected);
        }
        using var samples = Samples();
        using var bdct = BlockDct.Forward(samples.AvgTex);
        var unit = new AttackUnit(NoiseFidelity.Corrected, 1, dir.Path, 20, 1234);
        var empirical = AttackRunner.Empirical(new OracleModel(bdct), samples, unit);
        Assert.Equal(6, empirical.Count);
        Assert.Equal(new[] { "dp", "pac" }, empirical.Select(r => r.Mechanism).Distinct());
        var nn = AttackRunner.Nn(new OracleModel(bdct), samples, unit, new NnTrainSettings(16, 2, 1e-4, 0, 1, true), 1);
        Assert.Equal(new[] { ("dp", false), ("dp", true), ("pac", false), ("pac", true) }, nn.Select(r => (r.Mechanism, r.Adaptive)));
        Assert.All(nn.Concat(empirical), r => Assert.Equal(1.0, r.Mi));
    }

    [Fact]
    public void A_missing_noise_file_is_named()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<FileNotFoundException>(() => AttackNoise.Load(dir.Path, AttackKind.Empirical, NoiseFidelity.Original, NoiseKind.Pac, 8, 0.1, 20));
        Assert.Contains("pac_noise_partition_local_decoder_8_0.1.npy", e.Message);
    }

    [Fact]
    public void Corrected_dp_clips_rows_before_adding_noise()
    {
        using var dir = new TempDir();
        Privatar.Core.Npy.Write(Path.Combine(dir.Path, NoiseFileNames.DpNoise(NoiseTarget.Offloaded(N), 1)), new double[256], 256);   // zero noise
        var noise = AttackNoise.Load(dir.Path, AttackKind.Nn, NoiseFidelity.Corrected, NoiseKind.Dp, N, 1, 2.0);
        using var z = ones(3, 256);                 // norm 16 > 2
        using var out_ = noise.Apply(z, 1);
        using var norms = out_.norm(1);
        Assert.All(norms.data<float>().ToArray(), n => Assert.Equal(2.0, n, 4));
        var original = AttackNoise.Load(dir.Path, AttackKind.Nn, NoiseFidelity.Original, NoiseKind.Dp, N, 1, 2.0);
        Assert.Null(original.ClipBound);
    }

    sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("privatar-attacks-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
