namespace Privatar.Pipeline.Planning;

public enum UnitState
{
    /// <summary>The stamp matches code, parameters, command, inputs and outputs.</summary>
    UpToDate,
    /// <summary>The unit will rerun; <see cref="Decision.Reasons"/> says why.</summary>
    Stale,
    /// <summary>Current now, but downstream of a stale unit: it reruns only if that unit's outputs change.</summary>
    Maybe,
}

/// <summary>
/// The staleness verdict for one unit, with one human-readable line per reason.
/// <see cref="ChangedInputs"/> lists the inputs whose content or presence changed when that was the reason.
/// </summary>
public sealed record Decision(Unit Unit, UnitState State, IReadOnlyList<string> Reasons)
{
    public IReadOnlyList<string> ChangedInputs { get; init; } = [];

    /// <summary>The reasons for a console line: at most three, each cut to the changed key, argument or file; Why prints them whole.</summary>
    public string Short
    {
        get
        {
            const int Shown = 3;
            var shown = Reasons.Take(Shown).Select(Shorten).ToList();
            if (Reasons.Count > Shown) shown.Add($"{Reasons.Count - Shown} more (--target=Why --step={Unit.Step.Name})");
            return string.Join("; ", shown);
        }
    }

    /// <summary>The unit's line with shortened reasons.</summary>
    public string DescribeShort() => State switch
    {
        UnitState.UpToDate => Describe(),
        UnitState.Stale => $"{Unit}: {Short}",
        _ => $"{Unit}: maybe ({Short})",
    };

    /// <summary>What Status says of a current release unit (<see cref="Specs.UnitSpec.Release"/>).</summary>
    public static string ReleaseKept(string step) =>
        $"release: kept as drawn, not reproducible from a seed (--force={step} draws new noise: a second release, spending the budget again)";

    const int MaxReason = 160;
    internal const string CommandChanged = "command changed: ";

    /// <summary>A changed command shows its first differing argument; any other long reason is cut.</summary>
    static string Shorten(string reason)
    {
        if (reason.StartsWith(CommandChanged, StringComparison.Ordinal) && reason.Split("' → '") is [var was, var now])
        {
            var a = was[(CommandChanged.Length + 1)..].Split(' ');
            var b = now[..^1].Split(' ');
            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
            string At(string[] t) => i < t.Length ? string.Join(' ', t.Skip(Math.Max(0, i - 1)).Take(2)) : "(end)";
            return Cut($"command changed at argument {i + 1}: '{At(a)}' → '{At(b)}'");
        }
        return Cut(reason);
    }

    static string Cut(string s) => s.Length <= MaxReason ? s : s[..(MaxReason - 1)] + "…";

    public string Describe() => State switch
    {
        UnitState.UpToDate => $"{Unit}: up to date, skipping",
        UnitState.Stale => $"{Unit}: {string.Join("; ", Reasons)}",
        _ => $"{Unit}: maybe ({string.Join("; ", Reasons)})",
    };
}
