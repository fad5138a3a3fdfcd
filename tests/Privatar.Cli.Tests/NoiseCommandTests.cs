using Privatar.Core;
using Xunit;

namespace Privatar.Cli.Tests;

/// <summary><c>privatar privacy psr|epsilon|sigma</c> and <c>privatar noise dp|pac</c> run by hand.</summary>
public sealed class NoiseCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("noise-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A T×256 latent matrix (T = 300) with per-dimension scales, so its covariance has full rank.
    string Latents(string name, bool float32)
    {
        var rng = new Random(5);
        var values = Enumerable.Range(0, 300 * 256).Select(i => (1 + (i % 256) / 64.0) * (rng.NextDouble() * 2 - 1)).ToArray();
        var path = Path.Combine(_dir, name);
        if (float32) Npy.Write(path, values.Select(v => (float)v).ToArray(), 300, 256);
        else Npy.Write(path, values, 300, 256);
        return path;
    }

    [Fact]
    public void Psr_Should_List_The_Readme_Values_For_65_Classes()
    {
        var r = CliProcess.Run("privacy", "psr", "--mi", "4", "3", "1", "0.1", "0.01", "--classes", "65");
        Assert.Equal(0, r.ExitCode);
        // README: 98%, 82.7%, 40%, 9%, 3.5% (cut, not rounded: the roots are 0.9808, 0.8280, 0.3984, 0.0968, 0.0358)
        foreach (var psr in new[] { "0.980846", "0.827997", "0.398388", "0.0967534", "0.035761" }) Assert.Contains(psr, r.Stdout);
        Assert.Contains("0.0153846", r.Stdout); // the prior 1/65 actually used
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dp_Should_Accept_Float32_And_Float64_Latents_And_Write_A_256_Vector(bool float32)
    {
        var output = Path.Combine(_dir, "dp.npy");
        var r = CliProcess.Run("noise", "dp", "--latents", Latents("z.npy", float32), "--mi", "1", "--fidelity", "corrected", "--classes", "65", "--clip-bound", "20", "--out", output);
        Assert.Equal(0, r.ExitCode);
        var v = Npy.Read(output);
        Assert.Equal(NpyDType.Float64, v.DType);
        Assert.Equal([256], v.Shape);
        // Δ = 2·20 and σ/Δ = 0.6545982232197222 for PSR 0.398388 against 1/65: the file holds σ²
        Assert.Equal(Math.Pow(40 * 0.6545982232197222, 2), v.ToDoubles()[0], 6);
        Assert.Contains("300 × 256", r.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pac_Should_Accept_Float32_And_Float64_Latents_And_Write_The_Corrected_Basis(bool float32)
    {
        var output = Path.Combine(_dir, "pac.npy");
        var r = CliProcess.Run("noise", "pac", "--latents", Latents("z.npy", float32), "--mi", "1", "--fidelity", "corrected", "--out", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([256], Npy.Read(output).Shape);
        Assert.Equal([256, 256], Npy.Read(Path.Combine(_dir, "pac.basis.npy")).Shape);
        Assert.Matches(@"Gaussian MI at the sample covariance\s*│\s*0\.\d+ ≤ 1", r.Stdout);
    }

    [Fact]
    public void Noise_Should_Refuse_A_Vector_Naming_The_File()
    {
        var path = Path.Combine(_dir, "flat.npy");
        Npy.Write(path, new double[] { 1, 2, 3 }, 3);
        var r = CliProcess.Run("noise", "pac", "--latents", path, "--mi", "1", "--fidelity", "original", "--out", Path.Combine(_dir, "never.npy"));
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("flat.npy", r.Stderr);
        Assert.Contains("expected a T×d latent matrix", r.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "never.npy")));
    }

    [Fact]
    public void Psr_Should_Read_K_From_The_Profile()
    {
        var r = CliProcess.Run("privacy", "psr", "--mi", "1", "--profile", "smoke");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0.398388", r.Stdout);   // noise.classes = 65
        Assert.Contains("0.0153846", r.Stdout);
    }

    [Fact]
    public void Dp_Should_Read_K_And_The_Clip_Bound_From_The_Profile()
    {
        var output = Path.Combine(_dir, "dp.npy");
        var r = CliProcess.Run("noise", "dp", "--latents", Latents("z.npy", false), "--mi", "1", "--fidelity", "corrected", "--out", output, "--profile", "smoke");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Math.Pow(40 * 0.6545982232197222, 2), Npy.Read(output).ToDoubles()[0], 6);
    }

    [Fact]
    public void Dp_Should_Name_The_Clip_Bound_Key_When_Corrected_Lacks_It()
    {
        var output = Path.Combine(_dir, "dp.npy");
        var r = CliProcess.Run("noise", "dp", "--latents", Latents("z.npy", false), "--mi", "1", "--fidelity", "corrected", "--classes", "65", "--out", output);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--clip-bound", r.Stderr);
        Assert.Contains("noise.dp_clip_bound", r.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Epsilon_Should_Read_Delta_And_The_Accountant_From_The_Profile()
    {
        string[] common = ["privacy", "epsilon", "--sigma", "1.07", "--sample-rate", "0.01", "--steps", "1000"];
        var given = CliProcess.Run([.. common, "--delta", "1e-5", "--accountant", "rdp"]);
        var profile = CliProcess.Run([.. common, "--profile", "smoke"]);
        Assert.Equal(0, given.ExitCode);
        Assert.Equal(given.Stdout, profile.Stdout);
        var missing = CliProcess.Run(common);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("dpsgd.delta", missing.Stderr);
    }

    [Fact]
    public void Sigma_Should_Take_Exactly_One_Of_Epochs_And_Steps()
    {
        var r = CliProcess.Run("privacy", "sigma", "--epsilon", "3", "--sample-rate", "0.01", "--profile", "smoke");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--epochs / --steps", r.Stderr);
        var ok = CliProcess.Run("privacy", "sigma", "--epsilon", "3", "--sample-rate", "0.01", "--epochs", "1", "--search", "opacus", "--profile", "smoke");
        Assert.Equal(0, ok.ExitCode);
        Assert.True(double.Parse(ok.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
