// Integration pipeline: small fake steps driven through the REAL host (build/lib) and the real
// Status/Why/Dag/Clean tasks, by tests/Privatar.Pipeline.Tests/Integration. The test harness writes a
// two-line build/build.cake in a scratch repository that #r's the engine and #load's this file.
#load "../../build/lib/paths.cake"
#load "../../build/lib/targets.cake"
#load "../../build/lib/pipeline.cake"
#load "../../build/tasks/Status.cake"
#load "../../build/tasks/Why.cake"
#load "../../build/tasks/Dag.cake"
#load "../../build/tasks/Clean.cake"
#load "steps.cake"

///////////////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Integration.All");
var paths = BuildPaths.From(Context);
var pipeline = PipelineHost.Open(Context, paths, FakeSteps.All,
    new Dictionary<string, ToolLaunch> { ["sh"] = new ToolLaunch("sh", new string[0]) });
Setup<PipelineSession>(ctx => PipelineHost.Begin(ctx, pipeline));

///////////////////////////////////////////////////////////////////////////////
// TASKS: the step tasks as the real build registers them, from the plan's step graph
///////////////////////////////////////////////////////////////////////////////

RegisterStepTasks(pipeline, new Dictionary<string, CakeTaskBuilder>(), new Dictionary<string, string>());

///////////////////////////////////////////////////////////////////////////////
// TARGETS
///////////////////////////////////////////////////////////////////////////////

Task("Integration.All").IsDependentOn("Integration.Report");

///////////////////////////////////////////////////////////////////////////////
// EXECUTION
///////////////////////////////////////////////////////////////////////////////

Targets.EnsureKnown(Tasks, target);
RunTarget(target);
