using Xunit;

namespace Privatar.Cli.Tests;

/// <summary><c>privatar attack nn|run</c>: each fidelity's attacker settings are checked, by their config key, before any data is read.</summary>
public sealed class AttackCommandTests
{
    [Theory]
    [InlineData("--corrected-lr", "0", "attack.nn_corrected_lr: expected a positive rate, got 0")]
    [InlineData("--corrected-epochs", "0", "attack.nn_corrected_epochs: expected at least 1, got 0")]
    [InlineData("--lr", "-1", "attack.nn_lr: expected a positive rate, got -1")]
    [InlineData("--epochs", "0", "attack.nn_epochs: expected at least 1, got 0")]
    public void Nn_Should_Name_The_Bad_Setting_Of_Either_Attacker(string option, string value, string message)
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-subject-" + Guid.NewGuid().ToString("N"));
        var r = CliProcess.Run("attack", "nn", "--profile", "smoke", "--data", missing, "--checkpoint-dir", missing, "--out", Path.Combine(missing, "a.csv"), option, value);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(Directory.Exists(missing));
    }
}
