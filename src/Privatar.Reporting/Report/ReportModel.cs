namespace Privatar.Reporting;

/// <summary>A report as data, so the HTML and the Markdown are two renderings of one thing.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections);

public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>A paragraph; <c>`code`</c> spans are kept as code in both renderings.</summary>
public sealed record Paragraph(string Text) : ReportBlock;

public sealed record Bullets(IReadOnlyList<string> Items) : ReportBlock;

public sealed record Heading(string Text) : ReportBlock;

/// <summary>A table; <paramref name="PassColumn"/> (if set) colours cells "pass"/"FAIL".</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null, int? PassColumn = null) : ReportBlock;

/// <summary>An image, by a path relative to the report folder, with a caption; thumbnails sit two to a row in HTML.</summary>
public sealed record Figure(string RelativePath, string Caption, bool Thumbnail = false) : ReportBlock;
