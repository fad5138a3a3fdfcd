namespace Privatar.Reporting;

/// <summary>A part of the paper's evaluation and the figures (by name prefix) that belong to it.</summary>
public sealed record FigureGroup(string Id, string Title, IReadOnlyList<string> Prefixes)
{
    public bool Holds(string figure) => Prefixes.Any(p => figure.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>
/// How the report groups the figures: by the part of the paper they belong to, in the paper's order. A figure no group
/// claims lands in <see cref="Other"/>, so a new recipe is shown before it is placed (a test keeps the catalog placed).
/// </summary>
public static class FigureGroups
{
    public static IReadOnlyList<FigureGroup> All { get; } =
    [
        new("fig-capacity", "Users supported and latency", ["fig00_", "fig04_", "fig05_", "fig06_", "fig07_", "fig08_", "fig10_", "fig11_"]),
        new("fig-covariance", "Frequency covariance", ["fig02_", "fig03_"]),
        new("fig-reconstruction", "Reconstruction under noise", ["fig12_", "extra_reconstruction_grid"]),
        new("fig-attacks", "Attack success", ["fig13_"]),
        new("fig-noise", "Noise magnitude", ["fig14_", "fig15_", "fig16_"]),
        new("fig-fidelity", "Original code vs corrected (not in the paper)", ["extra_fidelity_"]),
        new("fig-mnist", "DP-SGD and DP-VAE on MNIST (not in the paper)", ["extra_mnist", "extra_privacy_audit"]),
        new("fig-synthesis", "DP image synthesis benchmark: MNIST and Fashion-MNIST (not in the paper)", ["extra_synthesis_"]),
        new("fig-curves", "Training curves, one per trained model (not in the paper)", ["extra_training_curves_"]),
    ];

    public static FigureGroup Other { get; } = new("fig-other", "Other figures", []);

    public static FigureGroup Of(string figure) => All.FirstOrDefault(g => g.Holds(figure)) ?? Other;
}
