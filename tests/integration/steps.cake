// Fake steps covering every unit kind: list-expanded in-process units (Gen), subprocess units (Square,
// through `sh`), a glob input (Sum) and a single in-process unit (Report). Numbers make early cutoff
// observable: Gen writes n*scale*sign, Square writes its square, so flipping gen.sign changes Gen's
// outputs but not Square's. PRIVATAR_IT_PAUSE=<unit>:<point> makes a unit stop at that point and
// wait to be killed; PRIVATAR_IT_SLOW=<seconds> makes each Square unit take that long; PRIVATAR_IT_SNEAKY=param|output makes Report break its declaration.
using Privatar.Core;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

public static class FakeSteps
{
    public static readonly IReadOnlyList<StepSpec> All = new[] { Gen, Square, Sum, Report };

    static StepSpec Gen => new StepSpec("Integration.Gen", "one number file per list item")
    {
        Code = new[] { "data/gen.code" },
        Params = new[] { P.IntList("gen.items"), P.Int("gen.scale"), P.Int("gen.sign"), P.Int("runtime.threads").Unstamped() },
        Units = ctx => ctx.Params.IntList("gen.items").Select(n => new UnitSpec($"item_{n}")
        {
            Inputs = new[] { "data/source.txt" },
            Outputs = new[] { ctx.Artifact($"gen/item_{n}.txt") },
            Params = new[] { "gen.scale", "gen.sign", "runtime.threads" },
            Command = UnitCommand.InProcess(u =>
            {
                var text = $"{n * u.Params.Int("gen.scale") * u.Params.Int("gen.sign")}\n";
                var path = u.PathOf(ctx.Artifact($"gen/item_{n}.txt"));
                Pause(u.UnitName, "before");
                if (Paused(u.UnitName, "mid"))
                {
                    // A careless writer killed mid-write: half a file at the real path, no stamp.
                    System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path));
                    System.IO.File.WriteAllText(path, text.Substring(0, 1));
                    Pause(u.UnitName, "mid");
                }
                AtomicFile.WriteAllText(path, text);
                Pause(u.UnitName, "after");
            }),
        }),
    };

    static StepSpec Square => new StepSpec("Integration.Square", "squares each number in a subprocess")
    {
        Code = new[] { "data/square.code" },
        Params = new[] { P.IntList("gen.items") },
        Units = ctx => ctx.Params.IntList("gen.items").Select(n => new UnitSpec($"item_{n}")
        {
            Inputs = new[] { ctx.Artifact($"gen/item_{n}.txt") },
            Outputs = new[] { ctx.Artifact($"sq/item_{n}.txt") },
            Params = new string[0],
            Command = UnitCommand.Tool("sh", p => new object[] { "-c",
                "set -e; v=$(cat \"$1\"); sleep \"${PRIVATAR_IT_SLOW:-0}\"; echo $((v*v)) > \"$2.tmp-sh\" && mv \"$2.tmp-sh\" \"$2\"; " +
                "if [ \"$PRIVATAR_IT_PAUSE\" = \"$3:after\" ]; then echo \"PAUSED $3:after\"; sleep 600; fi",
                "sh", ctx.Artifact($"gen/item_{n}.txt"), ctx.Artifact($"sq/item_{n}.txt"), $"Integration.Square[item_{n}]" }),
        }),
    };

    static StepSpec Sum => new StepSpec("Integration.Sum", "adds up every square (glob input)")
    {
        Code = new[] { "data/sum.code" },
        Units = ctx => new[] { new UnitSpec("total")
        {
            Inputs = new[] { ctx.Artifact("sq/*.txt") },
            Outputs = new[] { ctx.Artifact("sum/total.txt") },
            Command = UnitCommand.InProcess(u =>
            {
                var files = System.IO.Directory.GetFiles(u.PathOf(ctx.Artifact("sq")), "*.txt");
                var total = files.Sum(f => long.Parse(System.IO.File.ReadAllText(f).Trim()));
                Pause(u.UnitName, "before");
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact("sum/total.txt")), $"{total}\n");
                Pause(u.UnitName, "after");
            }),
        }},
    };

    static StepSpec Report => new StepSpec("Integration.Report", "a titled one-line report")
    {
        Code = new[] { "data/report.code" },
        Params = new[] { P.String("report.title") },
        Units = ctx => new[] { new UnitSpec("report")
        {
            Inputs = new[] { ctx.Artifact("sum/total.txt") },
            Outputs = new[] { ctx.Artifact("report/report.md") },
            Command = UnitCommand.InProcess(u =>
            {
                var sneaky = System.Environment.GetEnvironmentVariable("PRIVATAR_IT_SNEAKY");
                if (sneaky == "param") u.Params.Int("gen.scale");
                if (sneaky == "output") AtomicFile.WriteAllText(u.PathOf(ctx.Artifact("report/extra.txt")), "x\n");
                var total = System.IO.File.ReadAllText(u.PathOf(ctx.Artifact("sum/total.txt"))).Trim();
                AtomicFile.WriteAllText(u.PathOf(ctx.Artifact("report/report.md")), $"# {u.Params.String("report.title")}\n\ntotal = {total}\n");
            }),
        }},
    };

    static bool Paused(string unit, string point) => System.Environment.GetEnvironmentVariable("PRIVATAR_IT_PAUSE") == $"{unit}:{point}";

    static void Pause(string unit, string point)
    {
        if (!Paused(unit, point)) return;
        System.Console.WriteLine($"PAUSED {unit}:{point}");
        System.Console.Out.Flush();
        System.Threading.Thread.Sleep(System.TimeSpan.FromMinutes(10));
    }
}
