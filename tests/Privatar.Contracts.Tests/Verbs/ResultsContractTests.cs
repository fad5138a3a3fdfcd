using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Xunit;

namespace Privatar.Contracts.Tests.Verbs;

/// <summary><c>figures render</c>, <c>verify</c>, <c>report</c> and <c>results check</c>: filled, rendered and parsed back unchanged.</summary>
public class ResultsContractTests
{
    static readonly Dictionary<string, string> Config = new()
    {
        ["figures.width"] = "900", ["figures.height"] = "560", ["figures.scale"] = "1", ["figures.palette"] = "category10",
        ["figures.font_size"] = "13", ["figures.line_width"] = "2", ["runtime.noise"] = "reproducible",
    };

    [Fact]
    public void A_figure_unit_renders_and_parses_back_to_itself()
    {
        var filled = ContractCodec.Fill(new FiguresRenderArgs { Results = "r/", Out = "f", CaptionProfile = "smoke", Figure = "fig00_users_vs_offloaded" }, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(filled);
        Assert.Equal(["figures", "render"], args.Take(2));
        Assert.Equal(filled, ContractCodec.Decode<FiguresRenderArgs>(f => Given(args, 2, f.Option), null));
        Assert.Equal((900, 560, 1.0, "category10", 13.0, 2.0), (filled.Width, filled.Height, filled.Scale, filled.Palette, filled.FontSize, filled.LineWidth));
        // the caption's profile is not the reader's --profile, which ContractCommand adds to every verb
        Assert.DoesNotContain("--profile", args);
        Assert.Contains("--caption-profile", args);
    }

    [Fact]
    public void The_figure_style_is_the_figures_section_and_the_report_reads_only_the_noise_mode()
    {
        Assert.Equal(["figures.width", "figures.height", "figures.scale", "figures.palette", "figures.font_size", "figures.line_width"], ContractCodec.Keys<FiguresRenderArgs>());
        Assert.Equal(["runtime.noise"], ContractCodec.Keys<ReportArgs>());
        Assert.Empty(ContractCodec.Keys<VerifyArgs>());
        Assert.Empty(ContractCodec.Keys<ResultsCheckArgs>());
        var d = ContractCodec.Declarations<FiguresRenderArgs>().ToDictionary(x => x.Key);
        Assert.Equal(200, d["figures.width"].AtLeast);
        Assert.Equal(0, d["figures.scale"].Above);
        Assert.Equal(KeyKind.String, d["figures.palette"].Kind);
        Assert.Equal(["reproducible", "release"], ContractCodec.Declarations<ReportArgs>().Single().Choices);
    }

    [Fact]
    public void By_hand_the_style_comes_from_the_configuration_and_explicit_options_win()
    {
        var given = new Dictionary<string, IReadOnlyList<string>> { ["--results"] = ["r"], ["--out"] = ["o"], ["--caption-profile"] = ["smoke"], ["--scale"] = ["2"] };
        var a = ContractCodec.Decode<FiguresRenderArgs>(f => given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k));
        Assert.Equal((2.0, 900, "category10"), (a.Scale, a.Width, a.Palette));
        Assert.Null(a.Figure);
        var e = Assert.Throws<ArgumentException>(() => ContractCodec.Decode<FiguresRenderArgs>(f => given.GetValueOrDefault(f.Option), null));
        Assert.Contains("figures.width", e.Message);
        var noCaption = Assert.Throws<ArgumentException>(() =>
            ContractCodec.Decode<FiguresRenderArgs>(f => f.Option == "--caption-profile" ? null : given.GetValueOrDefault(f.Option), k => Config.GetValueOrDefault(k)));
        Assert.Contains("--caption-profile: required", noCaption.Message);
    }

    [Fact]
    public void Verify_renders_each_produced_table_as_the_option_repeated()
    {
        var v = new VerifyArgs { Results = "r/", Expected = "verify/expected-smoke.csv", Out = "report/verify.csv", Produced = ["attacks.csv", "capacity.csv"] };
        var args = ContractCodec.ToArgs(v);
        Assert.Equal(["verify", "--results", "r/", "--expected", "verify/expected-smoke.csv", "--out", "report/verify.csv", "--produced", "attacks.csv", "--produced", "capacity.csv"], args);
        var back = ContractCodec.Decode<VerifyArgs>(f => Given(args, 1, f.Option), null);
        Assert.Equal(v with { Produced = null }, back with { Produced = null });
        Assert.Equal(v.Produced, back.Produced);
        Assert.Null(ContractCodec.Decode<VerifyArgs>(f => f.Option == "--produced" ? null : Given(args, 1, f.Option), null).Produced);
    }

    [Fact]
    public void A_report_unit_renders_and_parses_back_to_itself()
    {
        var r = ContractCodec.Fill(new ReportArgs
        {
            Results = "r/", Out = "report", ResultsProfile = "smoke", Figures = "figures", Published = "verify/expected-full.csv", Stamps = ".pipeline/stamps",
            Units = ["Data/subject", "Train/baseline_default"], Verify = "report/verify.csv",
        }, k => Config.GetValueOrDefault(k));
        var args = ContractCodec.ToArgs(r);
        Assert.Equal("report", args[0]);
        Assert.Contains("--results-profile", args);
        var back = ContractCodec.Decode<ReportArgs>(f => Given(args, 1, f.Option), null);
        Assert.Equal(r with { Units = null }, back with { Units = null });
        Assert.Equal(r.Units, back.Units);
        Assert.Equal(NoiseMode.Reproducible, back.Noise);
        Assert.Null(back.Expected);
    }

    static IReadOnlyList<string>? Given(IReadOnlyList<string> args, int words, string option)
    {
        var values = new List<string>();
        for (var i = words; i < args.Count; i += 2)
            if (args[i] == option) values.Add(args[i + 1]);
        return values.Count == 0 ? null : values;
    }
}
