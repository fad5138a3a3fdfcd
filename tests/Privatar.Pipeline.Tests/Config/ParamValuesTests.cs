using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Config;

public sealed class ParamValuesTests
{
    static ResolvedConfig Config(bool strict) => ExperimentConfig.Resolve(
        IniFile.Parse("cake.config", FakeConfig.Default.Replace("strict = true", $"strict = {(strict ? "true" : "false")}").Split('\n')),
        "smoke", new Dictionary<string, string>(), PipelinePlan.SchemaOf(new FakeSteps().All));

    public sealed class TheTypedGetters
    {
        [Fact]
        public void Should_Return_Typed_Values_Of_Declared_Keys()
        {
            var p = new ParamValues(Config(true), new HashSet<string> { "gen.items", "gen.scale", "report.title" }, "Gen[x]", new ListLog());
            Assert.Equal([1, 2, 3], p.IntList("gen.items"));
            Assert.Equal(2, p.Int("gen.scale"));
            Assert.Equal("Fake", p.String("report.title"));
        }

        [Fact]
        public void Should_Throw_On_An_Undeclared_Read_In_Strict_Mode()
        {
            var p = new ParamValues(Config(true), new HashSet<string> { "gen.items" }, "Gen[x]", new ListLog());
            var e = Assert.Throws<UndeclaredParameterException>(() => p.Int("gen.scale"));
            Assert.Equal("Gen[x] reads parameter gen.scale, which it does not declare; add it to its Params.", e.Message);
        }

        [Fact]
        public void Should_Warn_On_An_Undeclared_Read_Otherwise()
        {
            var log = new ListLog();
            var p = new ParamValues(Config(false), new HashSet<string>(), "Gen[x]", log);
            Assert.Equal(2, p.Int("gen.scale"));
            Assert.Equal(["warning: Gen[x] reads parameter gen.scale, which it does not declare; add it to its Params."], log.Lines);
        }

        [Fact]
        public void Should_Reject_A_Read_Of_The_Wrong_Kind()
        {
            var p = new ParamValues(Config(true), new HashSet<string> { "gen.items" }, "Gen[x]", new ListLog());
            Assert.Throws<ArgumentException>(() => p.Int("gen.items"));
        }
    }
}
