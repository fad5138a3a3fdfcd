// Compiled into each test project that writes its own cake.config (Pipeline, Steps) through a linked <Compile>.
namespace Privatar.Tests.Shared;

/// <summary>The engine's own sections of a test cake.config: the pipeline switches and the (unused locally) [slurm] settings.</summary>
public static class EngineConfig
{
    public const string Sections = """
        [pipeline]
        strict = true
        jobs = 1
        workers = true
        executor = local

        [slurm]
        partition = none
        account = none
        qos = none
        extra_args = none
        poll_seconds = 0.5
        cpus = 1
        gpus = 0
        memory_mb = 0
        time_minutes = 10
        """;
}
