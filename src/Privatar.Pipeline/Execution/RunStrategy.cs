using System.Diagnostics;
using System.Runtime.InteropServices;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// Executes every stale unit of a step. Order per unit: delete its stamp and old outputs (creating
/// their directories), hash its inputs, run its command, check its outputs (all declared ones exist;
/// in strict mode no undeclared file appeared), hash them, and only then write the stamp atomically.
/// A kill at any point leaves the unit without a stamp, so the next build reruns it.
/// </summary>
public sealed class RunStrategy : IExecutionStrategy
{
    public IReadOnlyList<Unit> RunStep(PipelineSession pipeline, StepSpec step)
    {
        pipeline.AcquireLock(); // before deciding: another build of this profile may be writing
        var ran = new List<Unit>();
        foreach (var unit in pipeline.Plan.UnitsOf(step.Name))
        {
            var d = pipeline.Decide(unit);
            if (d.State == UnitState.UpToDate)
            {
                pipeline.Log.Info(d.Describe());
                continue;
            }
            pipeline.Log.Info($"{unit}: {string.Join("; ", d.Reasons)}; running");
            Execute(pipeline, unit);
            ran.Add(unit);
        }
        return ran;
    }

    static void Execute(PipelineSession p, Unit unit)
    {
        p.Stamps.Delete(unit.Step.Name, unit.Id);
        foreach (var o in unit.Outputs)
        {
            var path = Path.Combine(p.Layout.Root, o);
            StampStore.DeleteFile(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        var deps = p.Checker.HashInputs(unit);
        var guard = p.Config.Strict ? new OutputGuard(p.Layout.Root, p.Layout.TreeRelative) : null;
        var clock = Stopwatch.StartNew();
        p.Executor.Execute(unit);
        var seconds = clock.Elapsed.TotalSeconds;
        if (guard?.Undeclared(unit.Outputs) is { Count: > 0 } extra)
            throw new UndeclaredOutputException($"{unit} wrote undeclared outputs (strict mode): {string.Join(", ", extra)}. Declare them in its Outputs.");
        var outs = p.Checker.HashOutputs(unit);
        p.Stamps.Write(new Stamp(unit.Step.Name, unit.Id, p.Checker.CodeHash(unit.Step).Hash, unit.CommandText,
            unit.Params, deps, outs, seconds, Provenance));
        p.Hasher.Save();
        p.Log.Info($"{unit}: done in {seconds:F1} s");
    }

    static readonly IReadOnlyDictionary<string, string> Provenance = new Dictionary<string, string>
    {
        ["os"] = RuntimeInformation.OSDescription,
        ["arch"] = RuntimeInformation.OSArchitecture.ToString(),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["cpus"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["host"] = Environment.MachineName,
    };
}
