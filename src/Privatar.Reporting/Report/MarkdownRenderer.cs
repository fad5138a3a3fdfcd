using System.Text;

namespace Privatar.Reporting;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown, the same content as the HTML.</summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder($"# {doc.Title}\n\n");
        sb.AppendJoin(" · ", doc.Sections.Select(s => $"[{s.Title}](#{s.Id})")).Append("\n\n");
        foreach (var s in doc.Sections)
        {
            sb.Append($"<a id=\"{s.Id}\"></a>\n\n## {s.Title}\n\n");
            foreach (var b in s.Blocks)
            {
                switch (b)
                {
                    case Paragraph p: sb.Append(p.Text).Append("\n\n"); break;
                    case Heading h: sb.Append("### ").Append(h.Text).Append("\n\n"); break;
                    case Bullets l: foreach (var i in l.Items) sb.Append("- ").Append(i).Append('\n'); sb.Append('\n'); break;
                    case Figure f: sb.Append($"![{Cell(f.Caption)}]({f.RelativePath})\n\n*{f.Caption}*\n\n"); break;
                    case Table t: TableMd(sb, t); break;
                }
            }
        }
        return sb.ToString();
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
}
