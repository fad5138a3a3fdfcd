using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary>
/// <c>privatar figures render</c>: every figure from the result CSVs, or one (the Figures steps' units) with
/// <see cref="Figure"/>. The plot settings are the [figures] keys: what a plot looks like, never what it shows.
/// </summary>
public sealed record FiguresRenderArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["figures", "render"];
    public static string Description => "Draw every paper figure (and the extras) from the result CSVs, or one with --figure";

    [Opt("folder holding the result CSVs (artifacts/<profile>/results)")] public required string Results { get; init; }
    [Opt("folder for <name>.png and <name>.svg")] public required string Out { get; init; }
    [Opt("profile named in every caption (the build's profile)")] public required string CaptionProfile { get; init; }
    [Opt("draw only this figure (one pipeline unit): also writes <name>.json, and a 'not drawn' image when its tables hold no rows for it")] public string? Figure { get; init; }
    [Opt("image width in layout pixels", Key = "figures.width", AtLeast = 200)] public int Width { get; init; }
    [Opt("image height in layout pixels", Key = "figures.height", AtLeast = 200)] public int Height { get; init; }
    [Opt("PNG pixels per layout pixel (1 = 96 dpi, 2 = 192 dpi; at most 8)", Key = "figures.scale", Above = 0)] public double Scale { get; init; }
    [Opt("ScottPlot palette name, e.g. category10, colorblindfriendly", Key = "figures.palette")] public string Palette { get; init; } = "";
    [Opt("tick-label font size; titles and labels keep their ratio to it", Key = "figures.font_size", Above = 0)] public double FontSize { get; init; }
    [Opt("series line width", Key = "figures.line_width", Above = 0)] public double LineWidth { get; init; }
}

/// <summary><c>privatar verify</c>: the result CSVs against an expected table (the Verify step's unit, with <see cref="Out"/>).</summary>
public sealed record VerifyArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["verify"];
    public static string Description => "Check the result CSVs against an expected table; exit 1 if any claim fails (unless --out)";

    [Opt("folder holding the result CSVs (artifacts/<profile>/results)")] public required string Results { get; init; }
    [Opt("expected table, e.g. verify/expected-smoke.csv")] public required string Expected { get; init; }
    [Opt("write every claim's outcome here (report/verify.csv); then failed claims exit 0: the caller decides")] public string? Out { get; init; }
    [Opt("a result file the build produces (repeat); claims on other tables are listed as not checked (none given: check all)")] public IReadOnlyList<string>? Produced { get; init; }
}

/// <summary><c>privatar report</c>: the reviewer report from results, figures, verify and stamps (the Report step's unit).</summary>
public sealed record ReportArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["report"];
    public static string Description => "Write the reviewer report (HTML and Markdown) from results, figures, verify and stamps";

    [Opt("folder holding the result CSVs (artifacts/<profile>/results)")] public required string Results { get; init; }
    [Opt("folder for index.html and report.md")] public required string Out { get; init; }
    [Opt("profile the results belong to (the build's profile)")] public required string ResultsProfile { get; init; }
    [Opt("expected table for the verify section (run here)")] public string? Expected { get; init; }
    [Opt("verify.csv written by `privatar verify --out` (shown as it is; wins over --expected)")] public string? Verify { get; init; }
    [Opt("the paper profile's expected table (verify/expected-full.csv): its numbers are shown as the published ones beside ours")] public string? Published { get; init; }
    [Opt("folder of rendered figures (absent: <results>/../figures)")] public string? Figures { get; init; }
    [Opt("the pipeline's stamps folder (absent: <results>/../.pipeline/stamps)")] public string? Stamps { get; init; }
    [Opt("a unit of the plan, Step/unit (repeat): provenance reads only their stamps (none given: every stamp)")] public IReadOnlyList<string>? Units { get; init; }
    [Opt("privacy noise of the build: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed)", Key = "runtime.noise")] public Privatar.Core.NoiseMode Noise { get; init; }
}

/// <summary><c>privatar results check</c>: every result CSV present in a folder, read and validated.</summary>
public sealed record ResultsCheckArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["results", "check"];
    public static string Description => "Read and validate every result CSV present in a folder";

    [Opt("folder holding the result CSVs (artifacts/<profile>/results)")] public required string Results { get; init; }
}
