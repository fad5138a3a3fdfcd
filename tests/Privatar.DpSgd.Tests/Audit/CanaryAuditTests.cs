using Privatar.Accounting;
using Privatar.DpSgd.Audit;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Tests.Fixtures;
using Privatar.DpSgd.Training;

namespace Privatar.DpSgd.Tests.Audit;

/// <summary>The DP-VAE's one-run audit on a tiny MNIST stand-in: the same guesses, bound and AUC as the classifier's.</summary>
public sealed class CanaryAuditTests
{
    static readonly StudyPrivacy Privacy = new(1e-5, new AccountantOptions());

    static AuditSummary Vae(SyntheticMnist data, string dir, int epochs, DpRequest? dp) =>
        CanaryAudit.RunVae(data.Dir, Path.Combine(data.Dir, dir), new TrainConfig(Epochs: epochs, LearningRate: 3e-3, BatchSize: 20, Seed: 11), dp,
            0, 0, 8, Fidelity.Corrected, new AuditSettings(Canaries: 40, Guesses: 20, MiaExamples: 50), Privacy, _ => { });

    [Fact]
    public void A_Non_Private_VAE_That_Memorises_Its_Canaries_Is_Caught_And_The_Run_Is_Reproducible()
    {
        // Given 100 real examples and 40 crafted canaries, trained long enough for the MLP VAE to fit what it saw
        using var data = new SyntheticMnist(train: 100, test: 60);
        var a = Vae(data, "a", 30, null);

        // Then the guesses from the canaries' losses beat chance enough to reject small ε, and the row says what ran
        Assert.Equal("vae", a.Kind);
        Assert.Null(a.NoiseMultiplier);
        Assert.Equal(double.PositiveInfinity, a.Epsilon);
        Assert.Equal("none", a.Accountant);
        Assert.Null(a.TestAccuracy);
        Assert.Equal((40, 20), (a.Canaries, a.Guesses));
        Assert.True(a.EpsilonLower > 0, $"{a.Correct}/20 right, ε_lower {a.EpsilonLower}");
        Assert.Equal(50, a.MiaExamples);
        var again = Vae(data, "b", 30, null);
        Assert.Equal(File.ReadAllText(Path.Combine(data.Dir, "a", CanaryAudit.File)), File.ReadAllText(Path.Combine(data.Dir, "b", CanaryAudit.File)));
    }

    [Fact]
    public void A_DP_VAE_Audit_Never_Claims_More_Than_Its_Accountant()
    {
        using var data = new SyntheticMnist(train: 100, test: 60);
        var s = Vae(data, "dp", 2, DpRequest.WithEpsilon(1, 1e-5, new AccountantOptions(), maxGradNorm: 1.0));
        Assert.Equal("rdp", s.Accountant);
        Assert.Equal(1, s.Epsilon, 3);                         // recomputed for the steps that ran: the calibrated budget
        Assert.InRange(s.EpsilonLower, 0, s.Epsilon);
        Assert.InRange(s.MiaAuc, 0, 1);
    }
}
