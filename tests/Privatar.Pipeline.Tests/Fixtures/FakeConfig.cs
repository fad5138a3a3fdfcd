using Privatar.Tests.Shared;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>The cake.config of the fake pipeline (tests/integration/steps.cake and <see cref="FakeSteps"/>).</summary>
public static class FakeConfig
{
    public const string Default = $"""
        ; fake pipeline configuration
        [Settings]
        EnableScriptCache = true

        [runtime]
        device = cpu
        threads = 0
        seed = 1

        {EngineConfig.Sections}

        [gen]
        items = 1, 2, 3
        scale = 2
        sign = 1

        [report]
        title = Fake

        [profile.smoke]
        ; the tests run on smoke
        runtime.threads = 1

        [profile.functional]
        ; a bigger scale
        gen.scale = 5

        [profile.full]
        """;

    /// <summary>Writes the config and the inputs the fake steps declare (source data, one code file per step).</summary>
    public static Scratch Seed(this Scratch s, string config = Default)
    {
        s.Write("cake.config", config).Write("data/source.txt", "source\n");
        foreach (var step in new[] { "gen", "square", "sum", "report" }) s.Write($"data/{step}.code", step + " v1\n");
        return s;
    }

    /// <summary>Replaces one <c>key = value</c> line in the scratch config.</summary>
    public static Scratch SetConfig(this Scratch s, string line, string replacement)
    {
        var text = s.Read("cake.config");
        if (!text.Contains(line, StringComparison.Ordinal)) throw new ArgumentException($"'{line}' is not in the config.");
        return s.Write("cake.config", text.Replace(line, replacement, StringComparison.Ordinal));
    }
}
