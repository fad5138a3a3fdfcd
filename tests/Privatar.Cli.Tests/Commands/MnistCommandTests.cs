using System.Text.Json;
using Xunit;

namespace Privatar.Cli.Tests.Commands;

/// <summary>The MNIST study's verbs run by hand through their contracts: settings from cake.config under a profile, explicit options winning.</summary>
public sealed class MnistCommandTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "privatar-mnist-" + Guid.NewGuid().ToString("N")[..8]);

    public MnistCommandTests()
    {
        TinyMnist.Write(dir, 7);
    }

    static void Ok(params string[] args)
    {
        var r = CliProcess.Run(args);
        Assert.True(r.ExitCode == 0, string.Join(" ", args) + "\n" + r.Stderr + r.Stdout);
    }

    static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public void The_Study_Runs_By_Hand_From_The_Smoke_Profile()
    {
        string P(string name) => Path.Combine(dir, name);
        Ok("mnist", "train-classifier", "--profile", "smoke", "--data", dir, "--out", P("clf"), "--target-epsilon", "8");
        var clf = Json(P("clf/summary.json"));
        Assert.Equal(1, clf.GetProperty("train").GetProperty("epochs").GetInt32());          // [profile.smoke] dpsgd.epochs
        Assert.Equal(64, clf.GetProperty("train").GetProperty("batch_size").GetInt32());
        Assert.Equal(1e-5, clf.GetProperty("delta").GetDouble());
        Assert.Equal(1.2, clf.GetProperty("dp").GetProperty("max_grad_norm").GetDouble());

        Ok("mnist", "train-vae", "--profile", "smoke", "--data", dir, "--out", P("vae"), "--noise-multiplier", "1", "--epochs", "2");
        var vae = Json(P("vae/summary.json"));
        Assert.Equal(2, vae.GetProperty("train").GetProperty("epochs").GetInt32());          // the explicit option wins
        Assert.Equal(20, vae.GetProperty("latent_dim").GetInt32());
        Assert.Equal("corrected", vae.GetProperty("fidelity").GetString());

        Ok("mnist", "synthesize", "--profile", "smoke", "--data", dir, "--vae", P("vae"), "--out", P("syn"), "--fidelity", "corrected");
        var syn = Json(P("syn/synthesis.json"));
        Assert.Equal(50, syn.GetProperty("per_class").GetInt32());
        Assert.True(syn.GetProperty("stats_are_private").GetBoolean());

        Ok("mnist", "train-classifier", "--profile", "smoke", "--data", dir, "--train-dir", P("syn"), "--out", P("syn/classifier"));
        Assert.Equal(500, Json(P("syn/classifier/summary.json")).GetProperty("train_count").GetInt32());   // the whole set

        Ok("mnist", "gather", "--profile", "smoke", "--results", P("results"), "--classifier", P("clf"), "--synthetic", P("syn/classifier"));
        Assert.True(File.Exists(P("results/mnist_dp_accuracy.csv")));
        Assert.True(File.Exists(P("results/mnist_synthetic.csv")));
    }

    [Fact]
    public void A_DP_Run_Without_Its_Settings_Names_The_Missing_Option_Before_Training()
    {
        var outDir = Path.Combine(dir, "bad");
        var r = CliProcess.Run("mnist", "train-classifier", "--data", dir, "--out", outDir, "--noise-multiplier", "1", "--epochs", "1", "--lr", "0.001",
            "--batch-size", "16", "--seed", "1", "--train-limit", "0", "--test-limit", "0", "--threads", "1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--max-grad-norm", r.Stderr);
        Assert.False(Directory.Exists(outDir));

        var synth = CliProcess.Run("mnist", "synthesize", "--data", dir, "--vae", dir, "--out", outDir, "--fidelity", "corrected", "--per-class", "1",
            "--seed", "1", "--train-limit", "0", "--threads", "1");
        Assert.NotEqual(0, synth.ExitCode);
        Assert.Contains("--stats-noise-multiplier", synth.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
