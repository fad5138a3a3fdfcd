using Privatar.Results;
using Xunit;

namespace Privatar.Figures.Tests;

public sealed class FigureRunnerTests
{
    public sealed class TheRenderAllMethod
    {
        [Fact]
        public void Should_Render_Every_Figure_From_The_Fixture_Tables()
        {
            // Given every result table (fixtures)
            using var fx = new FixtureCopy();
            // When all figures are rendered
            var outcomes = new FigureRunner(FigureStyle.Default).RenderAll(fx.Results, fx.Figures, "fixture");
            // Then none is skipped, and each wrote a PNG and an SVG named after the paper figure
            Assert.All(outcomes, o => Assert.True(o.Rendered, $"{o.Figure.Name}: {o.Detail}"));
            Assert.All(outcomes, o => Assert.Matches("^(fig[0-9]{2}_|extra_)[a-z0-9_.]+$", o.Figure.Name));
            foreach (var o in outcomes)
            {
                var png = File.ReadAllBytes(Path.Combine(fx.Figures, o.Figure.Name + ".png"));
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
                var svg = File.ReadAllText(Path.Combine(fx.Figures, o.Figure.Name + ".svg"));
                Assert.Contains("<svg", svg);
            }
            Assert.Contains(outcomes, o => o.Figure.Name == "fig12_reconstruction_loss_vs_offloaded_pac");
            Assert.Contains(outcomes, o => o.Figure.Name == "extra_training_curves_baseline_default");
        }

        [Fact]
        public void Should_Print_No_Tracker_Number_In_Any_Figure_Footer()
        {
            var data = new FigureInputs(Repo.FixtureResults);
            var footers = FigureCatalog.For(data).Select(f => FigureRunner.Caption(f, data, "fixture")).ToList();
            Assert.DoesNotContain(footers, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"\bissue\s*#?\d+|\(#\d+\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        }

        [Fact]
        public void Should_Skip_With_The_Reason_When_A_Table_Is_Missing()
        {
            using var fx = new FixtureCopy();
            File.Delete(Path.Combine(fx.Results, "capacity.csv"));
            var outcomes = new FigureRunner(FigureStyle.Default).RenderAll(fx.Results, fx.Figures, "fixture");
            var fig00 = outcomes.Single(o => o.Figure.Name == "fig00_users_vs_offloaded");
            Assert.False(fig00.Rendered);
            Assert.Equal("missing capacity.csv", fig00.Detail);
            Assert.False(File.Exists(Path.Combine(fx.Figures, "fig00_users_vs_offloaded.png")));
        }

        [Fact]
        public void Should_Skip_With_The_Reason_When_No_Row_Matches()
        {
            using var fx = new FixtureCopy();
            // Given a capacity table without TEE rows
            var rows = ResultCsv.Read(ResultFamilies.Capacity, fx.Results).Where(r => !r.Tee);
            ResultCsv.Write(ResultFamilies.Capacity, fx.Results, rows);
            var data = new FigureInputs(fx.Results);
            var outcome = new FigureRunner(FigureStyle.Default).Render(new Fig07LatencyBreakdown("quest_pro", tee: true), data, fx.Figures, "fixture");
            Assert.False(outcome.Rendered);
            Assert.Equal("no rows for partition capacity on quest_pro with tee=true", outcome.Detail);
        }

        [Fact]
        public void Should_Caption_The_Profile_And_Source_Files_With_Their_Hashes()
        {
            using var fx = new FixtureCopy();
            var data = new FigureInputs(fx.Results);
            var caption = FigureRunner.Caption(new Fig12ReconstructionLoss("pac"), data, "smoke");
            var hash = FigureRunner.ShortHash(Path.Combine(fx.Results, "noisy_inference.csv"));
            Assert.StartsWith($"profile smoke · data: noisy_inference.csv@{hash}, test_metrics.csv@", caption);
            Assert.EndsWith("notebook cell 12, reconstruction_loss_vs_num_offloaded_components.pdf", caption);
        }

        [Fact]
        public void Should_Write_Identical_Files_On_A_Second_Run()
        {
            using var fx = new FixtureCopy();
            var runner = new FigureRunner(FigureStyle.Default);
            var data = new FigureInputs(fx.Results);
            var fig = new Fig14NoiseMagnitude("corrected");
            string[] files = [fig.Name + ".png", fig.Name + ".svg"];
            runner.Render(fig, data, fx.Figures, "fixture");
            var first = files.Select(f => File.ReadAllBytes(Path.Combine(fx.Figures, f))).ToList();
            // the same process draws it again, as a worker does: Skia's clip-path counter has moved on by then
            runner.Render(fig, data, fx.Figures, "fixture");
            Assert.All(files.Zip(first), f => Assert.Equal(f.Second, File.ReadAllBytes(Path.Combine(fx.Figures, f.First))));
            Assert.Contains("clip-path=\"url(#cl_0)\"", File.ReadAllText(Path.Combine(fx.Figures, fig.Name + ".svg")), StringComparison.Ordinal);
        }
    }
}
