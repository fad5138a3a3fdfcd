using Xunit;
using Privatar.Slurm;
using Privatar.Tests.Shared;

namespace Privatar.Slurm.Tests;

/// <summary>
/// The real single-node cluster of <c>tests/cluster/slurm-up.sh</c> (installed and started when missing;
/// reused when already up). No Slurm mock: these tests submit real jobs.
/// </summary>
public sealed class TestCluster : IDisposable
{
    public string StateDir { get; }
    public SlurmCommands Commands { get; }
    readonly Repo.TempDir _work = new();

    public TestCluster()
    {
        StateDir = SlurmUp.StateDir;
        Commands = SlurmUp.Commands;
    }

    /// <summary>A scratch folder every job can see (one machine: trivially shared).</summary>
    public string Work => _work.Path;

    public SlurmClient Client(SlurmSettings? settings = null) =>
        new(settings ?? new SlurmSettings { PollInterval = TimeSpan.FromMilliseconds(200) }, Commands);

    public JobRequest Job(string name, params string[] command) =>
        new(name, Work, command, Path.Combine(Work, name + ".sh"), Path.Combine(Work, name + ".log"), new JobResources(TimeLimit: TimeSpan.FromMinutes(5)));

    /// <summary>Polls until every job is finished as Slurm sees it.</summary>
    public IReadOnlyDictionary<string, JobStatus> AwaitAll(SlurmClient client, params string[] ids)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var s = client.Query(ids);
            if (ids.All(id => s.TryGetValue(id, out var j) && j.IsFinished)) return s;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"jobs {string.Join(",", ids)} not finished: {string.Join("; ", s.Values)}");
            Thread.Sleep(200);
        }
    }

    public void Dispose() => _work.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestCluster>
{
    public const string Name = "slurm cluster";
}
