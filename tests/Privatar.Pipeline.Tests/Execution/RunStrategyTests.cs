using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;
using static Privatar.Pipeline.Tests.Fixtures.InProcessBuild;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>Acceptance items 1, 2 and 4 in-process (the Cake-driven versions are in Integration/).</summary>
public sealed class RunStrategyTests
{
    static readonly string[] Everything =
    [
        "Integration.Gen[item_1]", "Integration.Gen[item_2]", "Integration.Gen[item_3]",
        "Integration.Square[item_1]", "Integration.Square[item_2]", "Integration.Square[item_3]",
        "Integration.Sum[total]", "Integration.Report[report]",
    ];

    public sealed class TheRunMethod : IDisposable
    {
        readonly Scratch _s = new Scratch().Seed();
        readonly FakeSteps _steps = new();

        public void Dispose() => _s.Dispose();

        [Fact]
        public void Should_Run_Everything_Once_Then_Nothing()
        {
            Assert.Equal(Everything, Build(_s, _steps));
            Assert.Empty(Build(_s, _steps));
            Assert.Equal("# Fake\n\ntotal = 56\n", _s.Read("artifacts/smoke/report/report.md"));
        }

        [Fact]
        public void Should_Rerun_Only_Dependents_Of_A_Declared_Parameter_Change_And_Log_Old_And_New()
        {
            Build(_s, _steps);
            _s.SetConfig("title = Fake", "title = Other");
            var log = new ListLog();

            Assert.Equal(["Integration.Report[report]"], Build(_s, _steps, log: log));
            Assert.Contains("Integration.Report[report]: report.title: Fake → Other; running", log.Lines);
        }

        [Fact]
        public void Should_Keep_The_Hashes_A_Build_With_Nothing_To_Run_Computed()
        {
            Build(_s, _steps);
            // Outputs stamped right after they were written are not trusted from the hash cache; touched, they are rehashed.
            var outputs = Directory.GetFiles(_s.PathOf("artifacts/smoke"), "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/.pipeline/", StringComparison.Ordinal)).ToList();
            var earlier = DateTime.UtcNow.AddMinutes(-5);
            foreach (var f in outputs) File.SetLastWriteTimeUtc(f, earlier);

            Assert.Empty(Build(_s, _steps));

            var cache = File.ReadAllLines(new PipelineLayout(_s.Root, "smoke").HashCache).Skip(1)
                .ToDictionary(l => l.Split('\t')[0], l => l.Split('\t')[2], StringComparer.Ordinal);
            foreach (var f in outputs)
                Assert.Equal(earlier.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    cache[Path.GetRelativePath(_s.Root, f).Replace('\\', '/')]);
        }

        [Fact]
        public void Should_Not_Rerun_For_An_Unstamped_Parameter_Or_A_Touched_Input()
        {
            Build(_s, _steps);
            _s.SetConfig("runtime.threads = 1", "runtime.threads = 2");
            File.SetLastWriteTimeUtc(_s.PathOf("data/source.txt"), DateTime.UtcNow.AddMinutes(1));

            Assert.Empty(Build(_s, _steps));
        }

        [Fact]
        public void Should_Run_Only_The_New_Unit_And_Its_Dependents_When_A_List_Grows()
        {
            Build(_s, _steps);
            _s.SetConfig("items = 1, 2, 3", "items = 1, 2, 3, 4");
            var predicted = Status(_s, _steps);

            var ran = Build(_s, _steps);

            Assert.Equal(["Integration.Gen[item_4]", "Integration.Square[item_4]", "Integration.Sum[total]", "Integration.Report[report]"], ran);
            Assert.Equal(UnitState.Stale, predicted["Integration.Gen[item_4]"]);
            Assert.Equal(UnitState.Maybe, predicted["Integration.Sum[total]"]);
            Assert.Equal(UnitState.UpToDate, predicted["Integration.Gen[item_1]"]);
        }

        [Fact]
        public void Should_Cut_Off_When_An_Upstream_Rerun_Produces_Identical_Bytes()
        {
            Build(_s, _steps);
            _s.SetConfig("sign = 1", "sign = -1");

            var ran = Build(_s, _steps);

            Assert.Equal(Everything[..6], ran);
            Assert.Equal("-4\n", _s.Read("artifacts/smoke/gen/item_2.txt"));
        }

        [Fact]
        public void Should_Rebuild_A_Deleted_Or_Hand_Edited_Output()
        {
            Build(_s, _steps);
            File.Delete(_s.PathOf("artifacts/smoke/sq/item_2.txt"));
            _s.Write("artifacts/smoke/report/report.md", "# Fake\n\ntotal = 57\n");
            var predicted = Status(_s, _steps);
            var log = new ListLog();

            var ran = Build(_s, _steps, log: log);

            Assert.Equal(["Integration.Square[item_2]", "Integration.Report[report]"], ran);
            Assert.Equal(UnitState.Stale, predicted["Integration.Square[item_2]"]);
            Assert.Equal(UnitState.Maybe, predicted["Integration.Sum[total]"]);
            Assert.Contains("Integration.Report[report]: output 'artifacts/smoke/report/report.md' modified (content differs from its stamp); running", log.Lines);
            Assert.Equal("# Fake\n\ntotal = 56\n", _s.Read("artifacts/smoke/report/report.md"));
        }

        [Fact]
        public void Should_Rerun_Everything_Of_A_Step_When_Its_Code_Changes_Or_It_Is_Forced()
        {
            Build(_s, _steps);
            _s.Write("data/sum.code", "sum v2\n");
            Assert.Equal(["Integration.Sum[total]"], Build(_s, _steps));

            var forced = Build(_s, _steps, new PipelineOptions(_s.Root, "smoke") { Force = ["integration.square"] });
            Assert.Equal(Everything[3..6], forced);
        }

        [Fact]
        public void Should_Keep_Profiles_Apart()
        {
            Build(_s, _steps);
            var functional = Build(_s, _steps, new PipelineOptions(_s.Root, "functional"));

            Assert.Equal(Everything, functional);
            Assert.Equal("10\n", _s.Read("artifacts/functional/gen/item_2.txt"));
            Assert.Equal("4\n", _s.Read("artifacts/smoke/gen/item_2.txt"));
            Assert.Empty(Build(_s, _steps));
        }

        [Fact]
        public void Should_Run_Nothing_And_Write_Nothing_In_A_Dry_Run()
        {
            Build(_s, _steps);
            _s.SetConfig("scale = 2", "scale = 3");
            var log = new ListLog();

            var would = Build(_s, _steps, new PipelineOptions(_s.Root, "smoke") { DryRun = true }, log);

            Assert.Equal(Everything[..3], would);
            Assert.Contains("Integration.Gen[item_1]: would run (gen.scale: 2 → 3)", log.Lines);
            Assert.Contains("Integration.Sum[total]: maybe (downstream of Integration.Square[item_1], which is maybe)", log.Lines);
            Assert.Equal(8, _steps.Runs.Values.Sum());
            Assert.Equal("2\n", _s.Read("artifacts/smoke/gen/item_1.txt"));
        }

        [Fact]
        public void Should_Fail_On_An_Undeclared_Parameter_Read_In_Strict_Mode()
        {
            _steps.Sneak = u => u.Params.Int("gen.scale");
            var e = Assert.Throws<Privatar.Pipeline.Config.UndeclaredParameterException>(() => Build(_s, _steps));
            Assert.Equal("Integration.Report[report] reads parameter gen.scale, which it does not declare; add it to its Params.", e.Message);
            Assert.False(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Integration.Report/report.json")));
        }

        [Fact]
        public void Should_Fail_On_An_Undeclared_Output_In_Strict_Mode()
        {
            _steps.Sneak = u => File.WriteAllText(u.PathOf("artifacts/smoke/report/extra.txt"), "x");
            var e = Assert.Throws<UndeclaredOutputException>(() => Build(_s, _steps));
            Assert.Equal("Integration.Report[report] wrote undeclared outputs (strict mode): artifacts/smoke/report/extra.txt. Declare them in its Outputs.", e.Message);
        }

        [Fact]
        public void Should_Refuse_A_Second_Build_Of_The_Same_Profile()
        {
            using var held = ProfileLock.Acquire(_s.PathOf("artifacts/smoke/.pipeline/lock"), "smoke");
            var e = Assert.Throws<PipelineLockedException>(() => Build(_s, _steps));
            Assert.StartsWith($"Another build of profile 'smoke' is running (pid {Environment.ProcessId}, started ", e.Message);
            Assert.Equal(Everything, Build(_s, _steps, new PipelineOptions(_s.Root, "functional")));
        }
    }
}
