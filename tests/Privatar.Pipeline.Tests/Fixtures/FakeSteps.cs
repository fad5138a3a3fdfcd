using Privatar.Core;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>
/// The in-process twin of tests/integration/steps.cake: Gen writes n*scale*sign per list item, Square
/// squares each (so flipping the sign changes Gen's outputs but not Square's), Sum adds them up
/// through a glob, Report titles the total. <see cref="Runs"/> counts executions per unit.
/// </summary>
public sealed class FakeSteps
{
    public Dictionary<string, int> Runs { get; } = [];
    public Action<UnitContext>? Sneak { get; set; }

    /// <summary>Declares Gen's units as release units (noise from the OS CSPRNG).</summary>
    public bool ReleaseGen { get; set; }

    public IReadOnlyList<StepSpec> All => [Gen, Square, Sum, Report];

    void Count(UnitContext u) => Runs[u.UnitName] = Runs.GetValueOrDefault(u.UnitName) + 1;

    StepSpec Gen => new("Integration.Gen", "one number file per list item")
    {
        Code = ["data/gen.code"],
        Params = [P.IntList("gen.items"), P.Int("gen.scale"), P.Int("gen.sign"), P.Int("runtime.threads").Unstamped()],
        Units = ctx => ctx.Params.IntList("gen.items").Select(n => new UnitSpec($"item_{n}")
        {
            Inputs = ["data/source.txt"],
            Outputs = [ctx.Artifact($"gen/item_{n}.txt")],
            Params = ["gen.scale", "gen.sign", "runtime.threads"],
            Release = ReleaseGen,
            Command = UnitCommand.InProcess(u =>
            {
                Count(u);
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact($"gen/item_{n}.txt")), $"{n * u.Params.Int("gen.scale") * u.Params.Int("gen.sign")}\n");
            }),
        }),
    };

    StepSpec Square => new("Integration.Square", "squares each number")
    {
        Code = ["data/square.code"],
        Params = [P.IntList("gen.items")],
        Units = ctx => ctx.Params.IntList("gen.items").Select(n => new UnitSpec($"item_{n}")
        {
            Inputs = [ctx.Artifact($"gen/item_{n}.txt")],
            Outputs = [ctx.Artifact($"sq/item_{n}.txt")],
            Params = [],
            Command = UnitCommand.InProcess(u =>
            {
                Count(u);
                var v = long.Parse(File.ReadAllText(u.PathOf(ctx.Artifact($"gen/item_{n}.txt"))).Trim(), Invariant.Culture);
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact($"sq/item_{n}.txt")), $"{v * v}\n");
            }),
        }),
    };

    StepSpec Sum => new("Integration.Sum", "adds up every square")
    {
        Code = ["data/sum.code"],
        Units = ctx => [new UnitSpec("total")
        {
            Inputs = [ctx.Artifact("sq/*.txt")],
            Outputs = [ctx.Artifact("sum/total.txt")],
            Command = UnitCommand.InProcess(u =>
            {
                Count(u);
                var total = Directory.GetFiles(u.PathOf(ctx.Artifact("sq")), "*.txt").Sum(f => long.Parse(File.ReadAllText(f).Trim(), Invariant.Culture));
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact("sum/total.txt")), $"{total}\n");
            }),
        }],
    };

    StepSpec Report => new("Integration.Report", "a titled one-line report")
    {
        Code = ["data/report.code"],
        Params = [P.String("report.title")],
        Units = ctx => [new UnitSpec("report")
        {
            Inputs = [ctx.Artifact("sum/total.txt")],
            Outputs = [ctx.Artifact("report/report.md")],
            Command = UnitCommand.InProcess(u =>
            {
                Count(u);
                Sneak?.Invoke(u);
                var total = File.ReadAllText(u.PathOf(ctx.Artifact("sum/total.txt"))).Trim();
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact("report/report.md")), $"# {u.Params.String("report.title")}\n\ntotal = {total}\n");
            }),
        }],
    };
}
