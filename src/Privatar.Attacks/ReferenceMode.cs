namespace Privatar.Attacks;

/// <summary>
/// How the empirical attack builds its per-expression references from the BDCT of each attack frame's average
/// texture (privatar-original.md §5.2): the three module-flag versions of test_empirical_attack_run.py.
/// </summary>
public enum ReferenceMode
{
    /// <summary>Version 1 (the default flags): offloaded-ratio slots filled from the importance-ranked pairs, merging "ambiguous" pairs.</summary>
    AmbiguityMerge,
    /// <summary>Version 2: the sum over colours of components 16−n … 15 in natural order (one channel).</summary>
    AccumulatedHf,
    /// <summary>Version 3: the sum over colours of the offloaded components (the model's offloaded list; one channel).</summary>
    AccumulatedOffload,
}

public static class ReferenceModes
{
    public static IReadOnlyList<ReferenceMode> All { get; } = [ReferenceMode.AmbiguityMerge, ReferenceMode.AccumulatedHf, ReferenceMode.AccumulatedOffload];

    /// <summary>The attacks.csv spelling.</summary>
    public static string Name(this ReferenceMode mode) => mode switch
    {
        ReferenceMode.AmbiguityMerge => "ambiguity_merge",
        ReferenceMode.AccumulatedHf => "accumulated_hf",
        _ => "accumulated_offload",
    };

    public static ReferenceMode Parse(string text) =>
        All.FirstOrDefault(m => m.Name() == text) is var m && m.Name() == text ? m
            : throw new ArgumentException($"reference mode: expected one of {string.Join(", ", All.Select(x => x.Name()))}; got '{text}'");
}
