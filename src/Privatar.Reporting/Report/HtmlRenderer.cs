using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Privatar.Reporting;

/// <summary>Renders a <see cref="ReportDocument"/> as one self-contained HTML page (inline CSS, images by relative path).</summary>
public static partial class HtmlRenderer
{
    const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        main{max-width:1180px;margin:0 auto;padding:24px 32px 64px;background:#fff;box-shadow:0 0 8px #0001}
        h1{font-size:26px;margin:8px 0 4px}h2{font-size:21px;margin:36px 0 10px;padding-top:12px;border-top:2px solid #e3e6ea}
        h3{font-size:16px;margin:22px 0 6px}p,li{line-height:1.5;font-size:14.5px}code{background:#eef1f4;padding:1px 4px;border-radius:3px;font-size:13px}
        nav.toc{font-size:14px;margin:10px 0 18px;padding:8px 14px;background:#f3f5f8;border:1px solid #e3e6ea;border-radius:4px}nav.toc ol{margin:4px 0;padding-left:22px;columns:2}nav.toc li{break-inside:avoid;line-height:1.45;font-size:14px}nav.toc ul{padding-left:16px;margin:0}nav a{color:#2458a6;text-decoration:none}
        details{margin:6px 0;border:1px solid #e3e6ea;border-radius:4px;padding:4px 10px}details[open]{padding-bottom:10px}summary{cursor:pointer;font-size:14px;font-weight:600;color:#2b3442}
        .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px;margin:8px 0 18px}
        table{border-collapse:collapse;margin:8px 0 6px;font-size:12.5px;width:100%}td{overflow-wrap:break-word}td code{overflow-wrap:anywhere}td:nth-child(2) code{white-space:nowrap}td:nth-child(3){min-width:150px}td:first-child,td.pass,td.fail{white-space:nowrap;overflow-wrap:normal}
        th,td{border:1px solid #dde1e6;padding:3px 7px;text-align:left;vertical-align:top}th{background:#eef1f4;position:sticky;top:0}
        tr:nth-child(even) td{background:#fafbfc}td.pass{color:#17702f;font-weight:600}td.fail{color:#b3261e;font-weight:700;background:#fdecea}td.skip{color:#6b7280}
        .note{color:#5b6472;font-size:12.5px;margin:2px 0 14px}.scroll{max-height:440px;overflow:auto;border:1px solid #e3e6ea}.wide{overflow-x:auto}
        figure{margin:14px 0 26px}figure.thumb{margin:0}figure img{max-width:100%;border:1px solid #e3e6ea}figure.thumb img{width:100%;height:auto;display:block}figcaption{font-size:12.5px;color:#3c4452;margin-top:4px;overflow-wrap:anywhere}
        """;

    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
          .Append(E(doc.Title)).Append("</title>\n<style>").Append(Css).Append("</style></head>\n<body><main>\n<h1>").Append(E(doc.Title)).Append("</h1>\n");
        Contents(sb, doc);
        foreach (var s in doc.Sections)
        {
            sb.Append($"<section id=\"{s.Id}\">\n<h2>{E(s.Title)}</h2>\n");
            foreach (var b in s.Blocks) Block(sb, b);
            sb.Append("</section>\n");
        }
        return sb.Append("</main></body></html>\n").ToString();
    }

    /// <summary>The table of contents: every section, and under it every heading that has an anchor.</summary>
    static void Contents(StringBuilder sb, ReportDocument doc)
    {
        sb.Append("<nav class=\"toc\" id=\"contents\"><strong>Contents</strong><ol>");
        foreach (var s in doc.Sections)
        {
            sb.Append($"<li><a href=\"#{s.Id}\">{E(s.Title)}</a>");
            var sub = ReportOutline.Anchors(s).ToList();
            if (sub.Count > 0) sb.Append("<ul>").AppendJoin("", sub.Select(h => $"<li><a href=\"#{h.Id}\">{Inline(h.Text)}</a></li>")).Append("</ul>");
            sb.Append("</li>");
        }
        sb.Append("</ol></nav>\n");
    }

    static void Block(StringBuilder sb, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p: sb.Append("<p>").Append(Inline(p.Text)).Append("</p>\n"); break;
            case Heading h: sb.Append(h.Id is null ? "<h3>" : $"<h3 id=\"{h.Id}\">").Append(Inline(h.Text)).Append("</h3>\n"); break;
            case Bullets b: sb.Append("<ul>").AppendJoin("", b.Items.Select(i => $"<li>{Inline(i)}</li>")).Append("</ul>\n"); break;
            case Figure f: sb.Append($"<figure><img src=\"{E(f.RelativePath)}\" alt=\"{E(f.Caption)}\"><figcaption>{Inline(f.Caption)}</figcaption></figure>\n"); break;
            case Gallery g:
                sb.Append("<div class=\"gallery\">");
                foreach (var f in g.Figures)
                    sb.Append($"<figure class=\"thumb\"><a href=\"{E(f.RelativePath)}\" target=\"_blank\" title=\"open full size\"><img src=\"{E(f.RelativePath)}\" alt=\"{E(f.Caption)}\"></a><figcaption>{Inline(f.Caption)}</figcaption></figure>");
                sb.Append("</div>\n");
                break;
            case Folded d:
                sb.Append("<details><summary>").Append(Inline(d.Summary)).Append("</summary>\n");
                foreach (var inner in d.Blocks) Block(sb, inner);
                sb.Append("</details>\n");
                break;
            case Table t: TableHtml(sb, t); break;
        }
    }

    static void TableHtml(StringBuilder sb, Table t)
    {
        sb.Append(t.Rows.Count > 14 ? "<div class=\"scroll\"><table>" : "<div class=\"wide\"><table>");
        sb.Append("<tr>").AppendJoin("", t.Header.Select(h => $"<th>{E(h)}</th>")).Append("</tr>\n");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cls = i == t.PassColumn ? (row[i] == "pass" ? " class=\"pass\"" : row[i] == "not checked" ? " class=\"skip\"" : " class=\"fail\"") : "";
                sb.Append($"<td{cls}>{Inline(row[i])}</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</table></div>\n");
        if (t.Note is not null) sb.Append("<p class=\"note\">").Append(Inline(t.Note)).Append("</p>\n");
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Escapes text and turns `code` spans into &lt;code&gt; and **x** into &lt;strong&gt;.</summary>
    internal static string Inline(string s) =>
        Bold().Replace(CodeSpan().Replace(E(s), m => $"<code>{m.Groups[1].Value}</code>"), m => $"<strong>{m.Groups[1].Value}</strong>");

    [GeneratedRegex("`([^`]+)`")] private static partial Regex CodeSpan();
    [GeneratedRegex(@"\*\*([^*]+)\*\*")] private static partial Regex Bold();
}
