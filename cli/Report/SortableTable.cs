using System.Collections.Generic;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// A table the page's script sorts by any column (numbers in columns marked <c>num</c>): the first
/// <see cref="ReportCaps.TableVisible"/> rows shown, the rest up to <see cref="ReportCaps.TableRows"/>
/// folded into a second table below it, and a note of any left out.
/// </summary>
internal static class SortableTable
{
    /// <summary>A column: its heading and whether it holds numbers.</summary>
    public readonly record struct Column(string Title, bool Numeric);

    /// <summary>A cell: its text and its class (<c>num</c>, <c>time</c>, <c>value</c>).</summary>
    public readonly record struct Cell(string Text, string Class);

    public static void Write(HtmlWriter w, string what, IReadOnlyList<Column> columns, IReadOnlyList<Cell[]> rows, int total)
    {
        int visible = rows.Count < ReportCaps.TableVisible ? rows.Count : ReportCaps.TableVisible;
        Table(w, columns, rows, 0, visible);
        if (rows.Count > visible)
        {
            w.Open("details").Open("summary").Number(rows.Count - visible).Text(" more " + what).Close("summary");
            Table(w, columns, rows, visible, rows.Count);
            w.Close("details");
        }

        ReportPage.LeftOut(w, total - rows.Count, what);
    }

    private static void Table(HtmlWriter w, IReadOnlyList<Column> columns, IReadOnlyList<Cell[]> rows, int from, int to)
    {
        w.Open("table", "sortable");
        w.Open("thead").Open("tr");
        foreach (var column in columns)
        {
            w.Open("th", column.Numeric ? "num" : null).Open("button", null, null, ("type", "button")).Text(column.Title).Close("button").Close("th");
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
        for (int i = from; i < to; i++)
        {
            w.Open("tr");
            foreach (var cell in rows[i])
            {
                w.Element("td", cell.Text, cell.Class);
            }

            w.Close("tr");
        }

        w.Close("tbody").Close("table");
    }
}
