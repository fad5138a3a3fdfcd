using Privatar.Core;

namespace Privatar.Generators;

/// <summary>Every random stream of a generator run, each derived from the root seed without collisions.</summary>
public enum SeedPurpose
{
    Init = 0,
    Features = 1,
    Release = 2,
    Training = 3,
    Sampling = 4,
    DpNoise = 5,
    Output = 6,
}

/// <summary>Each purpose's seed comes from the one derivation, <see cref="SeedStreams"/>, under "generator/&lt;purpose&gt;".</summary>
public static class GeneratorSeeds
{
    public static string Stream(SeedPurpose purpose) => Privatar.Core.SeedPurpose.Generator(purpose.ToString().ToLowerInvariant());

    public static ulong Derive(ulong root, SeedPurpose purpose) => (ulong)SeedStreams.Derive(unchecked((long)root), Stream(purpose));

    /// <summary>The record of the given purposes' seeds, as privacy.json lists them.</summary>
    public static SeedRecord Record(ulong root, params SeedPurpose[] used) =>
        new(root, used.ToDictionary(p => p.ToString().ToLowerInvariant(), p => Derive(root, p)));
}
