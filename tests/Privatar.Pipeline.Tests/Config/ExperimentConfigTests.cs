using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Config;

public sealed class ExperimentConfigTests
{
    static ResolvedConfig Resolve(string text, string profile = "smoke", Dictionary<string, string>? overrides = null) =>
        ExperimentConfig.Resolve(IniFile.Parse("cake.config", text.Split('\n')), profile, overrides ?? [],
            PipelinePlan.SchemaOf(new FakeSteps().All));

    static string Fails(string text, string profile = "smoke", Dictionary<string, string>? overrides = null) =>
        Assert.Throws<ConfigException>(() => Resolve(text, profile, overrides)).Message;

    public sealed class TheResolveMethod
    {
        [Fact]
        public void Should_Apply_Defaults_Then_Profile_Overlay_Then_Command_Line()
        {
            // Given / When
            var smoke = Resolve(FakeConfig.Default, "smoke", new() { ["gen_sign"] = "-1" });
            var functional = Resolve(FakeConfig.Default, "functional");

            // Then
            Assert.Equal("1", smoke.Canonical("runtime.threads"));
            Assert.Equal("2", smoke.Canonical("gen.scale"));
            Assert.Equal("-1", smoke.Canonical("gen.sign"));
            Assert.Equal("command line --gen_sign", smoke.Values["gen.sign"].Origin);
            Assert.Equal("5", functional.Canonical("gen.scale"));
            Assert.Equal("cake.config:41 ([profile.functional])", functional.Values["gen.scale"].Origin);
        }

        [Fact]
        public void Should_Canonicalize_Lists_So_Spacing_Does_Not_Matter()
        {
            var c = Resolve(FakeConfig.Default.Replace("items = 1, 2, 3", "items = 1,2 ,  3"));
            Assert.Equal("1, 2, 3", c.Canonical("gen.items"));
        }

        [Fact]
        public void Should_Name_Key_Line_And_Form_For_A_Wrong_Type()
        {
            var message = Fails(FakeConfig.Default.Replace("scale = 2", "scale = two"));
            Assert.Equal("cake.config:29: gen.scale = 'two': expected an integer, e.g. 12.", message);
        }

        [Fact]
        public void Should_Reject_A_Wrong_Type_From_An_Overlay_Or_The_Command_Line()
        {
            Assert.Equal("cake.config:41 ([profile.functional]): gen.scale = '5.5': expected an integer, e.g. 12.",
                Fails(FakeConfig.Default.Replace("gen.scale = 5", "gen.scale = 5.5"), "functional"));
            Assert.Equal("command line --gen_items: gen.items = '1,,2': expected a non-empty comma-separated list of integers, e.g. 2, 4, 8.",
                Fails(FakeConfig.Default, overrides: new() { ["gen_items"] = "1,,2" }));
        }

        [Fact]
        public void Should_Reject_An_Empty_List()
        {
            var message = Fails(FakeConfig.Default.Replace("items = 1, 2, 3", "items ="));
            Assert.Equal("cake.config:28: gen.items = '': expected a non-empty comma-separated list of integers, e.g. 2, 4, 8.", message);
        }

        [Fact]
        public void Should_List_The_Profiles_For_An_Unknown_One()
        {
            var message = Fails(FakeConfig.Default, "tiny");
            Assert.Equal("--profile=tiny: unknown profile; expected one of smoke, functional, full (the [profile.<name>] sections of cake.config).", message);
        }

        [Fact]
        public void Should_Reject_An_Unknown_Key_In_A_Step_Section()
        {
            var message = Fails(FakeConfig.Default.Replace("sign = 1", "sign = 1\nsigns = 2"));
            Assert.Equal("cake.config:31: [gen] signs: unknown key; no step declares it (declared keys of [gen]: gen.items, gen.scale, gen.sign).", message);
        }

        [Fact]
        public void Should_Reject_An_Unknown_Key_In_An_Overlay()
        {
            var message = Fails(FakeConfig.Default.Replace("gen.scale = 5", "gen.scal = 5"), "functional");
            Assert.StartsWith("cake.config:41: [profile.functional] gen.scal: unknown key; an overlay may only change a key defined in a step section", message);
            Assert.Contains("known keys: gen.items, gen.scale, gen.sign", message);
        }

        [Fact]
        public void Should_Reject_An_Unknown_Command_Line_Override()
        {
            var message = Fails(FakeConfig.Default, overrides: new() { ["gen_scal"] = "3" });
            Assert.Equal("command line --gen_scal=3: unknown key; expected --section_key=value for a key of cake.config, e.g. --runtime_seed=7.", message);
        }

        [Fact]
        public void Should_Reject_A_Declared_Key_Missing_From_Its_Section()
        {
            var message = Fails(FakeConfig.Default.Replace("title = Fake\n", ""));
            Assert.Contains("step Integration.Report reads report.title but [report] has no 'title = …'", message);
        }

        [Fact]
        public void Should_Reject_A_Key_Given_Twice()
        {
            var message = Fails(FakeConfig.Default.Replace("sign = 1", "sign = 1\nscale = 3"));
            Assert.Equal("cake.config:31: key 'scale' appears twice in [gen]; every value has exactly one home.", message);
        }

        [Fact]
        public void Should_Warn_About_A_Section_No_Step_Reads()
        {
            var c = Resolve(FakeConfig.Default + "\n[noise]\nsigma = 1\n");
            Assert.Equal(["cake.config: section [noise] is read by no registered step; its keys are not checked."], c.Warnings);
        }
    }
}
