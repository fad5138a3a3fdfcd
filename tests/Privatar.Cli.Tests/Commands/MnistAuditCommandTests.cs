using Privatar.Contracts.Verbs;
using Privatar.DpSgd.Audit;
using Privatar.Results;
using Xunit;

namespace Privatar.Cli.Tests.Commands;

/// <summary><c>privatar mnist audit</c> and <c>audit-gather</c> through their contracts, as the MnistAudit step runs them.</summary>
public sealed class MnistAuditCommandTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "privatar-audit-" + Guid.NewGuid().ToString("N")[..8]);

    public MnistAuditCommandTests()
    {
        TinyMnist.Write(dir, 5);
    }

    [Fact]
    public void The_Verb_Writes_The_File_The_Step_Declares() => Assert.Equal(MnistAuditArgs.File, CanaryAudit.File);

    [Fact]
    public void A_Non_Private_And_A_DP_Audit_Of_Each_Model_Gather_Into_Privacy_Audit_Csv()
    {
        string[] Common(string model, string run) =>
        [
            "mnist", "audit", "--data", dir, "--out", Path.Combine(dir, "audit", model, run), "--model", model, "--canaries", "20", "--guesses", "10",
            "--confidence", "0.95", "--mia-examples", "20", "--classifier-epochs", "1", "--vae-epochs", "1", "--lr", "0.001", "--batch-size", "20", "--train-limit", "0", "--test-limit", "0",
            "--seed", "3", "--delta", "1e-5", "--threads", "1", "--latent-dim", "4", "--vae-fidelity", "corrected",
        ];
        string[] Dp = ["--noise-multiplier", "1", "--accountant", "rdp", "--max-grad-norm", "1", "--sample-rate", "0", "--accounting-convention", "ours", "--noise", "reproducible"];
        foreach (var model in new[] { "classifier", "vae" })
        {
            var np = CliProcess.Run(Common(model, "nonprivate"));
            Assert.True(np.ExitCode == 0, np.Stderr + np.Stdout);
            var dp = CliProcess.Run([.. Common(model, "sigma1"), .. Dp]);
            Assert.True(dp.ExitCode == 0, dp.Stderr + dp.Stdout);
        }
        var results = Path.Combine(dir, "results");
        string[] gather = ["mnist", "audit-gather", "--results", results, "--delta", "1e-5", "--accountant", "rdp",
            .. new[] { "classifier", "vae" }.SelectMany(m => new[] { "nonprivate", "sigma1" }.SelectMany(r => new[] { "--audit", Path.Combine(dir, "audit", m, r) }))];
        var g = CliProcess.Run(gather);
        Assert.True(g.ExitCode == 0, g.Stderr + g.Stdout);

        var rows = ResultCsv.Read(ResultFamilies.PrivacyAudit, results);
        Assert.Equal(["classifier nonprivate", "classifier sigma1", "vae nonprivate", "vae sigma1"], rows.Select(r => $"{r.Model} {r.Run}").Order());
        Assert.All(rows.Where(r => r.Sigma is not null), r => Assert.InRange(r.EpsilonLower, 0, r.Epsilon!.Value));
        Assert.All(rows.Where(r => r.Model == "vae"), r => Assert.Null(r.TestAccuracy));
        Assert.All(rows.Where(r => r.Model == "classifier"), r => Assert.NotNull(r.TestAccuracy));

        // a DP audit without its accountant is refused by name, before any training
        var missing = CliProcess.Run([.. Common("vae", "bad"), "--noise-multiplier", "1", "--max-grad-norm", "1"]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--accountant", missing.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "audit", "vae", "bad")));
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
