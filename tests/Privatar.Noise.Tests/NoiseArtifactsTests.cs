using MathNet.Numerics.LinearAlgebra;
using Privatar.Core;
using Privatar.Noise.Tests.Fixtures;
using Xunit;

namespace Privatar.Noise.Tests;

public sealed class NoiseArtifactsTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("noise-artifacts-").FullName;
    static readonly double[,] Latents = SyntheticLatents.Gaussian(300, 256, seed: 21).ToArray();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Dp_Files_Should_Have_The_Originals_Shapes_And_Read_Back_As_A_Transform()
    {
        var target = NoiseTarget.Offloaded(14);
        var r = NoiseArtifacts.WriteDpNoise(_dir, target, Latents, 0.1, new DpNoiseOptions(NoiseFidelity.Original, 65, 20));
        var norm = NoiseArtifacts.WriteL2Norm(_dir, target, Latents);

        var noise = Npy.Read(Path.Combine(_dir, NoiseFileNames.DpNoise(target, 0.1)));
        Assert.Equal(NpyDType.Float64, noise.DType);
        Assert.Equal([256], noise.Shape);
        Assert.Equal(r.Sigma, noise.ToDoubles()[255]);
        var l2 = Npy.Read(Path.Combine(_dir, NoiseFileNames.L2Norm(target)));
        Assert.Empty(l2.Shape);
        Assert.Equal(norm, l2.ToDoubles()[0]);

        // the original's file is a covariance diagonal: std √σ on every dimension
        var a = NoiseArtifacts.LoadNoiseTransform(_dir, NoiseKind.Dp, target, 0.1, NoiseFidelity.Original);
        Assert.Equal(Math.Sqrt(r.Sigma), a[7, 7], 12);
        Assert.Equal(0.0, a[7, 8]);
    }

    [Fact]
    public void Pac_Files_Should_Have_The_Originals_Shapes_And_The_Corrected_Basis()
    {
        var target = NoiseTarget.Local(6);
        var spectrum = NoiseArtifacts.WritePacStatistics(_dir, target, Latents);
        NoiseArtifacts.WritePacNoise(_dir, target, spectrum, 1, NoiseFidelity.Corrected);

        foreach (var file in NoiseFileNames.PacStatisticsOutputs(target).Concat(NoiseFileNames.PacOutputs(target, 1)))
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
        Assert.Equal([256, 256], Npy.Read(Path.Combine(_dir, NoiseFileNames.Covariance(target))).Shape);
        Assert.Equal([256], Npy.Read(Path.Combine(_dir, NoiseFileNames.SvdS(target))).Shape);
        Assert.Equal([256], Npy.Read(Path.Combine(_dir, NoiseFileNames.PacNoise(target, 1))).Shape);

        var a = Matrix<double>.Build.DenseOfArray(NoiseArtifacts.LoadNoiseTransform(_dir, NoiseKind.Pac, target, 1, NoiseFidelity.Corrected));
        var expected = spectrum.NoiseCovariance(1, NoiseFidelity.Corrected);
        Assert.True((a * a.Transpose() - expected).FrobeniusNorm() / expected.FrobeniusNorm() < 1e-12);
    }
}
