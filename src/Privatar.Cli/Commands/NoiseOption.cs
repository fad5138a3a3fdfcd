using System.CommandLine;
using Privatar.Core;

namespace Privatar.Cli.Commands;

/// <summary><c>--noise reproducible | release</c>, shared by every verb that draws privacy noise ([runtime] noise).</summary>
public static class NoiseOption
{
    public static Option<string> Create() => new("--noise")
    {
        Description = $"reproducible: privacy noise from the seed ({NoiseModes.NotARelease}); release: from the OS CSPRNG, no seed recorded",
        DefaultValueFactory = _ => "reproducible",
    };

    public static NoiseMode Get(ParseResult p, Option<string> option) => NoiseModes.Parse(p.GetValue(option)!, "--noise");
}
