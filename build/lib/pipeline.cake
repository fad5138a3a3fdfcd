// The adapter between Cake and the engine (src/Privatar.Pipeline), the way Cake's aliases delegate to
// compiled types: decisions are made in compiled, tested code; this file only maps Cake's arguments
// and log onto it. The build/build.cake that loads it #r's the engine assemblies first.
using Privatar.Pipeline;
using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Reports;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;

// build.sh runs Cake at --verbosity=minimal unless told otherwise, which drops Cake's task banners and summary table:
// the engine's lines are written at Minimal (shown unless --verbosity=quiet), its per-unit skips at Verbose. When
// output is not a terminal (or NO_COLOR is set) lines go straight to the console: no colour codes, no wrapping,
// so tools reading "N passed, M failed" or a table see plain text.
public sealed class CakePipelineLog : IPipelineLog
{
    readonly ICakeContext _ctx;
    public CakePipelineLog(ICakeContext ctx) => _ctx = ctx;
    public static bool Plain => System.Console.IsOutputRedirected || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"));
    public void Info(string message) => Write(_ctx, Verbosity.Minimal, LogLevel.Information, message);
    public void Warning(string message) => Write(_ctx, Verbosity.Minimal, LogLevel.Warning, message);
    public void Verbose(string message) => Write(_ctx, Verbosity.Verbose, LogLevel.Verbose, message);

    public static void Write(ICakeContext ctx, Verbosity at, LogLevel level, string message)
    {
        if (!Plain) ctx.Log.Write(at, level, Escape(message));
        else if (ctx.Log.Verbosity >= at) (level == LogLevel.Warning ? System.Console.Error : System.Console.Out).WriteLine(message);
    }

    // Cake treats its message as a format string; ours are plain text, so braces are escaped.
    public static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");
}

public static class PipelineHost
{
    // Cake consumes these itself and then runs Setup but no task action.
    static readonly string[] DryRunFlags = { "--dryrun", "--noop", "--whatif" };

    /// <summary>
    /// Reads cake.config (profile, overlay, --section_key=value overrides) and expands the steps; any configuration
    /// error stops the build here, before any task exists. It runs before the tasks are registered because the step
    /// tasks are drawn from the plan (<see cref="StepTaskGraph"/>). Arguments: --profile (default smoke),
    /// --force=Step[,Step|all], --dryrun. Every argument whose name contains '_' is a config override.
    /// </summary>
    public static PipelineSession Open(ICakeContext ctx, BuildPaths paths, IReadOnlyList<StepSpec> steps,
        IReadOnlyDictionary<string, ToolLaunch> extraTools = null)
    {
        var tools = new Dictionary<string, ToolLaunch> { ["privatar"] = ToolLaunch.DotNet(paths.Cli.FullPath).WithWorker("worker") };
        foreach (var t in extraTools ?? new Dictionary<string, ToolLaunch>()) tools[t.Key] = t.Value;
        var overrides = ctx.Arguments.GetArguments()
            .Where(a => a.Key.Contains('_') && !a.Key.StartsWith("Settings_", StringComparison.OrdinalIgnoreCase))   // Cake's own (--no-report)
            .ToDictionary(a => a.Key, a => a.Value.Last(), StringComparer.OrdinalIgnoreCase);
        var options = new PipelineOptions(paths.Root.FullPath, ctx.Argument("profile", "smoke"))
        {
            Overrides = overrides,
            Force = ctx.Argument("force", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            DryRun = System.Environment.GetCommandLineArgs().Any(a => DryRunFlags.Any(f => a.StartsWith(f, StringComparison.OrdinalIgnoreCase))),
            Tools = tools,
        };
        var pipeline = PipelineSession.Open(options, steps, new CakePipelineLog(ctx));
        pipeline.Log.Info($"Profile '{options.Profile}': {pipeline.Plan.Steps.Count} steps, {pipeline.Plan.Units.Count} units, outputs in {pipeline.Layout.TreeRelative}/");
        return pipeline;
    }

    /// <summary>Cake's Setup: the session learns which steps the target runs (for the progress line).</summary>
    public static PipelineSession Begin(ISetupContext ctx, PipelineSession pipeline)
    {
        pipeline.Scheduled = ctx.TasksToExecute.Select(t => t.Name).Where(n => pipeline.Plan.Steps.Any(s => s.Name == n)).ToList();
        // Under a dry run Cake skips every task action, so walk its task list through the dry-run strategy here.
        if (pipeline.DryRun)
            foreach (var step in pipeline.Scheduled) pipeline.Run(step);
        return pipeline;
    }

    /// <summary>Prints a multi-line report as plain text.</summary>
    public static void Print(PipelineSession pipeline, string text) => pipeline.Log.Info(text.TrimEnd('\n'));

    public static string RequiredArgument(ICakeContext ctx, string name, string example) =>
        ctx.HasArgument(name) ? ctx.Argument<string>(name)
            : throw new ArgumentException($"--{name}=<value> is required, e.g. --{name}={example}.");
}

// One Cake task per step, named as the step and described by its StepSpec, so a new step needs no .cake file. A step
// whose task does more than run the step brings its own builder in `own` (build/tasks/Verify.cake, Report.cake) and
// gets the same edges. Returns every step's builder by name.
Dictionary<string, CakeTaskBuilder> RegisterStepTasks(PipelineSession pipeline, IReadOnlyDictionary<string, CakeTaskBuilder> own,
    IReadOnlyDictionary<string, string> runsAlso)
{
    var tasks = new Dictionary<string, CakeTaskBuilder>(StringComparer.Ordinal);
    foreach (var step in pipeline.Plan.Steps)
    {
        var name = step.Name;
        tasks[name] = own.TryGetValue(name, out var builder) ? builder
            : Task(name).Description(step.Description).Does<PipelineSession>(p => p.Run(name));
    }
    foreach (var step in pipeline.Plan.Steps)
        foreach (var upstream in Privatar.Pipeline.Planning.StepTaskGraph.Upstream(pipeline.Plan, step.Name, runsAlso))
            tasks[step.Name].IsDependentOn(upstream);
    return tasks;
}
