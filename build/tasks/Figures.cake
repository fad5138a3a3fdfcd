// figures: one unit per figure whose result CSVs some earlier step produces (src/Privatar.Steps/FiguresStep.cs
// -> privatar figures render --figure <name>). Depends on every step registered before it in StepCatalog, so a new
// results step is picked up without editing this file.
var figuresTask = Task("Figures")
    .Description("Every paper figure (and the extras) from the result CSVs, PNG + SVG under artifacts/<profile>/figures/")
    .Does<PipelineSession>(p => p.Run("Figures"));
foreach (var upstream in Privatar.Steps.StepCatalog.All.TakeWhile(s => s.Name != "Figures")) figuresTask.IsDependentOn(upstream.Name);
