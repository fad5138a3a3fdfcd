using Xunit;
using System.Diagnostics;
using Privatar.Slurm;
using Privatar.Tests.Shared;

namespace Privatar.Slurm.Tests;

public sealed class JobScriptTests
{
    [Fact]
    public void Every_argument_reaches_the_program_as_written()
    {
        using var dir = new Repo.TempDir();
        string[] args = ["plain", "two words", "it's", "$HOME", "`date`", "back\\slash", "", "new\nline", "*"];
        var job = new JobRequest("quote", dir.Path, ["printf", "<%s>\n", .. args], Path.Combine(dir.Path, "j.sh"), Path.Combine(dir.Path, "j.log"), new JobResources());
        File.WriteAllText(job.ScriptPath, JobScript.Render(job));

        var psi = new ProcessStartInfo("bash", [job.ScriptPath]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();

        Assert.Equal(0, p.ExitCode);
        Assert.Equal(string.Concat(args.Select(a => $"<{a}>\n")), output);
        Assert.Equal("0", File.ReadAllText(job.StatusPath).Trim());
    }

    [Fact]
    public void The_script_exits_with_the_command_s_code_and_records_it()
    {
        using var dir = new Repo.TempDir();
        var job = new JobRequest("code", dir.Path, ["bash", "-c", "exit 7"], Path.Combine(dir.Path, "j.sh"), Path.Combine(dir.Path, "j.log"), new JobResources());
        File.WriteAllText(job.ScriptPath, JobScript.Render(job));
        using var p = Process.Start("bash", [job.ScriptPath]);
        p.WaitForExit();

        Assert.Equal(7, p.ExitCode);
        Assert.Equal(7, SlurmClient.RecordedExitCode(job));
    }

    [Fact]
    public void A_bad_environment_name_is_refused()
    {
        var job = new JobRequest("env", "/tmp", ["true"], "/tmp/x.sh", "/tmp/x.log", new JobResources())
        {
            Environment = new Dictionary<string, string> { ["BAD NAME"] = "x" },
        };
        var e = Assert.Throws<ArgumentException>(() => JobScript.Render(job));
        Assert.Contains("BAD NAME", e.Message);
    }

    [Theory]
    [InlineData(59.2, "0-00:01:00")]
    [InlineData(3600, "0-01:00:00")]
    [InlineData(90061, "1-01:01:01")]
    public void Time_limits_use_slurm_s_format_rounded_up(double seconds, string expected) =>
        Assert.Equal(expected, JobResources.FormatTime(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Resources_and_site_settings_become_sbatch_options()
    {
        var r = new JobResources(Cpus: 4, Gpus: 1, MemoryMb: 16000, TimeLimit: TimeSpan.FromHours(2), Exclusive: true);
        Assert.Equal(["--cpus-per-task=4", "--gpus=1", "--mem=16000M", "--time=0-02:00:00", "--exclusive"], r.ToArguments());
        var s = new SlurmSettings("gpu", "lab", "normal") { ExtraArgs = ["--constraint=a100"] };
        Assert.Equal(["--partition=gpu", "--account=lab", "--qos=normal", "--constraint=a100"], s.ToArguments());
    }
}
