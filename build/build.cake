// Privatar build: a table of contents. Types live in build/lib, one file per task in build/tasks;
// the work itself is compiled code under src/ (see README, "Layout" and "Adding a pipeline step").
// The engine and the step declarations are TorchSharp-free assemblies loaded in-process, so deciding
// that everything is up to date costs no subprocess; only stale units start the `privatar` CLI.
#r "../src/Privatar.Steps/bin/Release/net10.0/System.IO.Hashing.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Core.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Pipeline.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Data.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/MathNet.Numerics.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Razorvine.Pickle.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Noise.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Contracts.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/CsvHelper.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Results.dll"
#r "../src/Privatar.Steps/bin/Release/net10.0/Privatar.Steps.dll"
#load "lib/paths.cake"
#load "lib/targets.cake"
#load "lib/pipeline.cake"
#load "tasks/Env.cake"
#load "tasks/Test.cake"
#load "tasks/Status.cake"
#load "tasks/Why.cake"
#load "tasks/Dag.cake"
#load "tasks/Clean.cake"
// Pipeline steps, in run order (one file each; see README, "Adding a pipeline step"):
#load "tasks/Data.cake"
#load "tasks/Train.cake"
#load "tasks/Evaluate.cake"
#load "tasks/Latency.cake"
#load "tasks/Covariance.cake"
#load "tasks/Noise.cake"
#load "tasks/NoisyInference.cake"
#load "tasks/Attack.cake"
#load "tasks/MnistData.cake"
#load "tasks/MnistClassifiers.cake"
#load "tasks/MnistVae.cake"
#load "tasks/MnistSynthetic.cake"
#load "tasks/MnistResults.cake"
#load "tasks/SynthesisData.cake"
#load "tasks/SynthesisEvaluator.cake"
#load "tasks/SynthesisDpMerf.cake"
#load "tasks/SynthesisDpCgan.cake"
#load "tasks/SynthesisDpVae.cake"
#load "tasks/SynthesisEvaluate.cake"
#load "tasks/Synthesis.cake"
#load "tasks/Figures.cake"
#load "tasks/Verify.cake"
#load "tasks/Report.cake"

///////////////////////////////////////////////////////////////////////////////
// SETUP / TEARDOWN
///////////////////////////////////////////////////////////////////////////////

var target = Argument("target", "Default");
var paths = BuildPaths.From(Context);

// Reads and validates cake.config and expands every step before any task runs. The profile lock it
// takes when the first step runs is an OS lock, released when this process exits, however it exits.
Setup<PipelineSession>(ctx => PipelineHost.Open(ctx, paths, Privatar.Steps.StepCatalog.All));

///////////////////////////////////////////////////////////////////////////////
// TARGETS
///////////////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("The whole pipeline on the chosen profile (--profile=smoke|functional|full), ending in the report")
    .IsDependentOn("Env")
    .IsDependentOn("Data")
    .IsDependentOn("Train")
    .IsDependentOn("Evaluate")
    .IsDependentOn("Latency")
    .IsDependentOn("Covariance")
    .IsDependentOn("Noise")
    .IsDependentOn("NoisyInference")
    .IsDependentOn("Attack")
    .IsDependentOn("MnistResults")
    .IsDependentOn("Synthesis")
    .IsDependentOn("Report"); // not Verify: Report runs it, writes the failures into the report, then fails

///////////////////////////////////////////////////////////////////////////////
// EXECUTION
///////////////////////////////////////////////////////////////////////////////

Targets.EnsureKnown(Tasks, target);
RunTarget(target);
