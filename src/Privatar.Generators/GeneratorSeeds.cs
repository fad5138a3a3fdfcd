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

public static class GeneratorSeeds
{
    const ulong Purposes = 8;   // room for new purposes without moving the old ones

    public static ulong Derive(ulong root, SeedPurpose purpose) => checked(root * Purposes + (ulong)purpose);

    /// <summary>The record of the given purposes' seeds, as privacy.json lists them.</summary>
    public static SeedRecord Record(ulong root, params SeedPurpose[] used) =>
        new(root, used.ToDictionary(p => p.ToString().ToLowerInvariant(), p => Derive(root, p)));
}
