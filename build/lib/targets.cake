// Cake's own message for an unknown target names none; ours lists them.
public static class Targets
{
    public static void EnsureKnown(IReadOnlyList<ICakeTaskInfo> tasks, string target)
    {
        if (tasks.Any(t => string.Equals(t.Name, target, StringComparison.OrdinalIgnoreCase))) return;
        var names = string.Join(", ", tasks.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        throw new Exception($"Unknown target '{target}'. Known targets: {names}.");
    }
}
