using Privatar.Pipeline.Reports;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Reports;

public sealed class StatusReportTests
{
    public sealed class TheFormatMethod : IDisposable
    {
        readonly Scratch _s = new Scratch().Seed();
        readonly FakeSteps _steps = new();
        public void Dispose() => _s.Dispose();

        [Fact]
        public void Should_List_Each_Unit_And_Estimate_From_Recorded_Wall_Times()
        {
            // Given a built pipeline whose Gen stamps record 2 s each, then a change to gen.scale
            InProcessBuild.Build(_s, _steps);
            foreach (var n in new[] { 1, 2, 3 })
            {
                var path = _s.PathOf($"artifacts/smoke/.pipeline/stamps/Integration.Gen/item_{n}.json");
                File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), "\"wall_seconds\": [0-9.]+", "\"wall_seconds\": 2"));
            }
            _s.SetConfig("scale = 2", "scale = 3");

            // When
            using var p = InProcessBuild.Open(_s, _steps);
            var text = StatusReport.Format(p, p.Status());

            // Then
            Assert.Contains("STALE      Integration.Gen[item_1]: gen.scale: 2 → 3\n", text);
            Assert.Contains("maybe      Integration.Report[report]: downstream of Integration.Sum[total], which is maybe\n", text);
            Assert.StartsWith("8 units: 0 up to date, 3 stale, 5 maybe. Estimated rebuild: 6.0 s for the stale units, up to ", text.Split('\n')[^2]);
        }

        [Fact]
        public void Should_Say_A_Current_Release_Unit_Is_Kept_As_Drawn_Not_Reproducible()
        {
            // Given a built pipeline whose Gen units draw release noise
            _steps.ReleaseGen = true;
            InProcessBuild.Build(_s, _steps);

            // When
            using var p = InProcessBuild.Open(_s, _steps);
            var text = StatusReport.Format(p, p.Status());

            // Then they are current (a rerun would be a second release), and Status says they are not reproducible
            Assert.Contains("up-to-date Integration.Gen[item_1]: release: kept as drawn, not reproducible from a seed (--force=Integration.Gen draws new noise", text);
            Assert.Contains("up-to-date Integration.Square[item_1]\n", text);
            Assert.Contains("8 units: 8 up to date, 0 stale, 0 maybe.", text);
        }

        [Fact]
        public void Should_Say_The_Estimate_Is_Unknown_When_Nothing_Was_Built()
        {
            using var p = InProcessBuild.Open(_s, _steps);
            Assert.EndsWith("8 units: 0 up to date, 8 stale, 0 maybe. Estimated rebuild: unknown (8 stale units never built, so no recorded time).\n",
                StatusReport.Format(p, p.Status()));
        }
    }

    public sealed class TheDagRenderer
    {
        [Fact]
        public void Should_Derive_Step_Edges_From_Declared_Files()
        {
            using var s = new Scratch().Seed();
            using var p = InProcessBuild.Open(s, new FakeSteps());
            Assert.Equal("""
                flowchart LR
                    Integration_Gen["Integration.Gen (3)"]
                    Integration_Square["Integration.Square (3)"]
                    Integration_Sum["Integration.Sum (1)"]
                    Integration_Report["Integration.Report (1)"]
                    Integration_Gen --> Integration_Square
                    Integration_Square --> Integration_Sum
                    Integration_Sum --> Integration_Report

                """, DagRenderer.Mermaid(p.Plan));
            Assert.Contains("Integration.Sum (1 unit) <- Integration.Square\n    total <- Integration.Square[item_1], Integration.Square[item_2], Integration.Square[item_3]\n", DagRenderer.Text(p.Plan));
        }
    }
}
