// Privatar build: a table of contents. Types live in build/lib, one file per task in build/tasks;
// the work itself is compiled code under src/ (see README, "Layout" and "Adding a pipeline step").
// The engine and the step declarations are TorchSharp-free assemblies loaded in-process, so deciding
// that everything is up to date costs no subprocess; only stale units start the `privatar` CLI.
#r "../src/Privatar.Steps/bin/Release/net10.0/System.IO.Hashing.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Core.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Slurm.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Pipeline.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Data.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/MathNet.Numerics.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Razorvine.Pickle.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Noise.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Accounting.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Contracts.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/CsvHelper.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Results.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Steps.dll"
#load "lib/paths.cake"
#load "lib/targets.cake"
#load "lib/pipeline.cake"
#load "lib/prestarted.cake"
#load "tasks/Env.cake"
#load "tasks/Test.cake"
#load "tasks/Status.cake"
#load "tasks/Why.cake"
#load "tasks/Dag.cake"
#load "tasks/Clean.cake"
// Tasks that do more than run their step; every other step's task is registered from StepCatalog below.
#load "tasks/Verify.cake"
#load "tasks/Report.cake"
#load "tasks/Synthesis.cake"

///////////////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Default");
var paths = BuildPaths.From(Context);

// Reads and validates cake.config and expands every step before any task exists: a configuration error stops the
// build here. The profile lock it takes when the first step runs is an OS lock: Teardown releases it, and so would
// this process's exit.
var pipeline = PipelineHost.Open(Context, paths, Privatar.Steps.StepCatalog.All);
Setup<PipelineSession>(ctx => PipelineHost.Begin(ctx, pipeline));
// Stops the build's worker processes and releases the profile lock, whether the target succeeded or not.
Teardown(ctx => pipeline.Dispose());

///////////////////////////////////////////////////////////////////////////////
// STEP TASKS: one per StepCatalog step, their edges the plan's step graph
///////////////////////////////////////////////////////////////////////////////

var runsAlso = new Dictionary<string, string> { ["Report"] = "Verify" };
var stepTasks = RegisterStepTasks(pipeline, new Dictionary<string, CakeTaskBuilder> { ["Verify"] = verifyTask, ["Report"] = reportTask }, runsAlso);

///////////////////////////////////////////////////////////////////////////////
// TARGETS
///////////////////////////////////////////////////////////////////////////////

// Every step, ending in the report; not Verify, which Report runs so that failed claims are in the report first.
var defaultTask = Task("Default")
    .Description("The whole pipeline on the chosen profile (--profile=smoke|functional|full), ending in the report")
    .IsDependentOn("Env");
foreach (var step in pipeline.Plan.Steps.Where(s => !runsAlso.ContainsValue(s.Name))) defaultTask.IsDependentOn(step.Name);

///////////////////////////////////////////////////////////////////////////////
// EXECUTION
///////////////////////////////////////////////////////////////////////////////

Targets.EnsureKnown(Tasks, target);
RunTarget(target);
