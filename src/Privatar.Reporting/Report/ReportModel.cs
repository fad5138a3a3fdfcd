namespace Privatar.Reporting;

/// <summary>A report as data, so the HTML and the Markdown are two renderings of one thing.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections);

public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>A paragraph; <c>`code`</c> spans are kept as code in both renderings.</summary>
public sealed record Paragraph(string Text) : ReportBlock;

public sealed record Bullets(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A sub-heading; with an <paramref name="Id"/> it is an anchor and an entry of the table of contents.</summary>
public sealed record Heading(string Text, string? Id = null) : ReportBlock;

/// <summary>A table; <paramref name="PassColumn"/> (if set) colours cells "pass"/"FAIL".</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null, int? PassColumn = null) : ReportBlock;

/// <summary>An image, by a path relative to the report folder, with a caption.</summary>
public sealed record Figure(string RelativePath, string Caption) : ReportBlock;

/// <summary>Figures shown as thumbnails side by side; each opens its image at full size.</summary>
public sealed record Gallery(IReadOnlyList<Figure> Figures) : ReportBlock;

/// <summary>Blocks folded under a one-line summary (HTML &lt;details&gt;, also in the Markdown), for what a reviewer rarely needs.</summary>
public sealed record Folded(string Summary, IReadOnlyList<ReportBlock> Blocks) : ReportBlock;

public static class ReportOutline
{
    /// <summary>The anchored headings of a section, folded ones included: the entries under it in the table of contents.</summary>
    public static IEnumerable<Heading> Anchors(ReportSection section) => Walk(section.Blocks).OfType<Heading>().Where(h => h.Id is not null);

    static IEnumerable<ReportBlock> Walk(IEnumerable<ReportBlock> blocks) =>
        blocks.SelectMany(b => b is Folded f ? Walk(f.Blocks).Prepend(b) : [b]);
}
