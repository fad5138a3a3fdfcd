using System.Text;

namespace Privatar.Reporting;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown, the same content as the HTML.</summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder($"# {doc.Title}\n\n**Contents**\n\n");
        var n = 0;
        foreach (var s in doc.Sections)
        {
            sb.Append($"{++n}. [{s.Title}](#{s.Id})\n");
            foreach (var h in ReportOutline.Anchors(s)) sb.Append($"   - [{h.Text}](#{h.Id})\n");
        }
        sb.Append('\n');
        foreach (var s in doc.Sections)
        {
            sb.Append($"<a id=\"{s.Id}\"></a>\n\n## {s.Title}\n\n");
            foreach (var b in s.Blocks) Block(sb, b);
        }
        return sb.ToString();
    }

    static void Block(StringBuilder sb, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p: sb.Append(p.Text).Append("\n\n"); break;
            case Heading h: sb.Append(h.Id is null ? "" : $"<a id=\"{h.Id}\"></a>\n\n").Append("### ").Append(h.Text).Append("\n\n"); break;
            case Bullets l: foreach (var i in l.Items) sb.Append("- ").Append(i).Append('\n'); sb.Append('\n'); break;
            case Figure f: sb.Append($"![{Cell(f.Caption)}]({f.RelativePath})\n\n*{f.Caption}*\n\n"); break;
            // a linked image: it opens full size where the renderer shrinks it
            case Gallery g: foreach (var f in g.Figures) sb.Append($"[![{Alt(f.Caption)}]({f.RelativePath})]({f.RelativePath})\n\n{f.Caption}\n\n"); break;
            // GitHub renders Markdown inside <details> when blank lines surround it; the summary line is HTML
            case Folded d:
                sb.Append("<details><summary>").Append(HtmlRenderer.Inline(d.Summary)).Append("</summary>\n\n");
                foreach (var inner in d.Blocks) Block(sb, inner);
                sb.Append("</details>\n\n");
                break;
            case Table t: TableMd(sb, t); break;
        }
    }

    static void TableMd(StringBuilder sb, Table t)
    {
        sb.Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).Append(" |\n|").Append(string.Concat(t.Header.Select(_ => "---|"))).Append('\n');
        foreach (var row in t.Rows)
            sb.Append("| ").AppendJoin(" | ", row.Select((c, i) => i == t.PassColumn && c == "FAIL" ? $"**{Cell(c)}**" : Cell(c))).Append(" |\n");
        sb.Append('\n');
        if (t.Note is not null) sb.Append('*').Append(t.Note).Append("*\n\n");
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");

    static string Alt(string s) => Cell(s).Replace("[", "(").Replace("]", ")").Replace("`", "");
}
