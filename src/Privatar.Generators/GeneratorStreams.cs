using Privatar.Core;

namespace Privatar.Generators;

/// <summary>
/// A generator run's random streams: <see cref="SeedStreams"/> under the <c>generator/*</c> purposes of
/// <see cref="SeedPurpose"/>, with the method as the unit, so two methods on one root never share a stream.
/// </summary>
public static class GeneratorStreams
{
    public static ulong Derive(ulong root, string purpose, string method) =>
        (ulong)SeedStreams.Derive(unchecked((long)root), purpose, method);

    /// <summary>The record of the streams a run used, keyed by purpose, as privacy.json lists them.</summary>
    public static SeedRecord Record(ulong root, string method, params string[] purposes) =>
        new(root, purposes.ToDictionary(p => p, p => Derive(root, p, method)));
}
