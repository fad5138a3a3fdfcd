using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Tests.Execution;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Steps;
using Privatar.Tests.Shared;
using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>
/// Two real steps of the smoke profile, Data (in-process: it runs in the controller) and Covariance (a <c>privatar</c>
/// unit: a job), built once locally and once through the real single-node cluster: the outputs are the same bytes.
/// Needs the solution built (the CLI's dll), as the build itself does.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmSmokeTests : IDisposable
{
    readonly Scratch _local = Repository(), _slurm = Repository();

    public void Dispose() { _local.Dispose(); _slurm.Dispose(); }

    /// <summary>A scratch root with the repository's config and sources (for the steps' code hashes).</summary>
    static Scratch Repository()
    {
        var s = new Scratch().Write("cake.config", File.ReadAllText(RepoPaths.Of("cake.config")));
        Directory.CreateSymbolicLink(s.PathOf("src"), RepoPaths.Of("src"));
        return s;
    }

    static List<string> Build(Scratch s, string executor)
    {
        var cli = RepoPaths.Of("src/Privatar.Cli/bin/Release/net10.0/privatar.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: build the solution (dotnet build Privatar.slnx -c Release) first");
        using var p = PipelineSession.Open(new PipelineOptions(s.Root, "smoke")
        {
            Overrides = new Dictionary<string, string> { ["pipeline_executor"] = executor, ["slurm_poll_seconds"] = "0.5" },
            Tools = new Dictionary<string, ToolLaunch> { ["privatar"] = ToolLaunch.DotNet(cli) },
            Slurm = SlurmUp.Commands,
        }, StepCatalog.All, new ListLog());
        return [.. p.Run("Data").Concat(p.Run("Covariance")).Select(u => u.Name)];
    }

    static SortedDictionary<string, string> Outputs(Scratch s) => s.Snapshot("artifacts/smoke", f => !f.Contains("/.pipeline/", StringComparison.Ordinal));

    [Fact]
    public void Should_Write_The_Same_Bytes_Through_Slurm_As_Locally()
    {
        var local = Build(_local, "local");
        var slurm = Build(_slurm, "slurm");

        Assert.Equal(["Data[subject]", "Covariance[frequency_covariance]"], local);
        Assert.Equal(local, slurm);
        Assert.True(File.Exists(_slurm.PathOf("artifacts/smoke/.pipeline/slurm/Covariance/frequency_covariance.log")));
        Assert.Equal(Outputs(_local), Outputs(_slurm));
    }
}
