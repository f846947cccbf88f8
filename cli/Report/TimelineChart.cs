using System;
using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// The timeline as inline SVG: a row per vault, time across, a mark per sensitive action in its
/// category's colour. Actions that fall in one column are binned: a stacked mark, a segment per
/// category, with the count on it; each mark's tooltip tells the counts and the time span.
/// </summary>
internal static class TimelineChart
{
    private const double ViewWidth = 1180;
    private const double PlotX = 230;
    private const double PlotWidth = 930;
    private const int Columns = 93;
    private const double RowHeight = 24;
    private const double Top = 6;
    private const double AxisHeight = 28;

    public static void Write(HtmlWriter w, ReportData data)
    {
        var rows = Rows(data, out int folded);
        var axis = new TimeAxis(data.Counts.First!.Value, data.Counts.Last!.Value, PlotX, PlotWidth, Columns);
        double height = Top + (rows.Count * RowHeight) + AxisHeight;
        string view = "0 0 " + HtmlWriter.Format(ViewWidth) + " " + HtmlWriter.Format(height);
        w.Open("svg", "chart timeline", "timeline-chart", ("viewBox", view), ("role", "img"), ("aria-label", "Sensitive actions per vault over time"));
        double bottom = Top + (rows.Count * RowHeight);
        foreach (var (x, label) in axis.Ticks())
        {
            Line(w, "grid", x, Top, x, bottom);
            Text(w, "tick", x, bottom + 16, label, "middle");
        }

        for (int r = 0; r < rows.Count; r++)
        {
            double y = Top + (r * RowHeight);
            if (r % 2 == 0)
            {
                w.Empty("rect", "band", ("x", "0"), ("y", HtmlWriter.Format(y)), ("width", HtmlWriter.Format(ViewWidth)), ("height", HtmlWriter.Format(RowHeight)));
            }

            var (name, cells) = rows[r];
            w.Open("text", "label", null, ("x", "6"), ("y", HtmlWriter.Format(y + 16)));
            w.Element("title", name).Text(HtmlText.Clip(name, 32)).Close("text");
            foreach (var (column, byCategory) in cells.OrderBy(c => c.Key))
            {
                Mark(w, axis, name, column, byCategory, y + (RowHeight / 2));
            }
        }

        Line(w, "axis", PlotX, bottom, PlotX + PlotWidth, bottom);
        w.Close("svg");

        w.Open("div", "legend");
        for (int i = 0; i < SensitiveActions.All.Count; i++)
        {
            w.Element("span", SensitiveActions.All[i].Title, "k" + i);
        }

        w.Close("div");
        if (folded > 0)
        {
            w.Open("p", "note").Text("The last row gathers ").Number(folded).Text(" more vaults with fewer sensitive actions.").Close("p");
        }
    }

    // Vaults by their count of sensitive actions, most first; past the cap, one row for the rest.
    private static List<(string Name, Dictionary<int, long[]> Cells)> Rows(ReportData data, out int folded)
    {
        var bins = data.Timeline;
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in bins.Keys)
        {
            totals[key.Vault] = totals.GetValueOrDefault(key.Vault) + bins.Buckets(key).Sum(b => b.Count);
        }

        var ordered = AuditCounts.Ordered(totals).Select(p => p.Key).ToList();
        folded = Math.Max(0, ordered.Count - ReportCaps.TimelineVaults + 1);
        folded = folded == 1 ? 0 : folded;
        int named = folded > 0 ? ReportCaps.TimelineVaults - 1 : ordered.Count;
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(string Name, Dictionary<int, long[]> Cells)>();
        for (int i = 0; i < named; i++)
        {
            rowOf[ordered[i]] = i;
            rows.Add((ordered[i], new Dictionary<int, long[]>()));
        }

        if (folded > 0)
        {
            rows.Add((HtmlWriter.Format(folded) + " other vaults", new Dictionary<int, long[]>()));
        }

        var axis = new TimeAxis(data.Counts.First!.Value, data.Counts.Last!.Value, PlotX, PlotWidth, Columns);
        foreach (var key in bins.Keys)
        {
            var cells = rows[rowOf.TryGetValue(key.Vault, out int row) ? row : rows.Count - 1].Cells;
            foreach (var (start, count) in bins.Buckets(key))
            {
                int column = axis.Column(start, bins.Width);
                if (!cells.TryGetValue(column, out var byCategory))
                {
                    cells[column] = byCategory = new long[SensitiveActions.All.Count];
                }

                byCategory[key.Category] += count;
            }
        }

        return rows;
    }

    private static void Mark(HtmlWriter w, TimeAxis axis, string vault, int column, long[] byCategory, double middle)
    {
        long total = byCategory.Sum();
        double x = axis.ColumnX(column);
        double center = x + (axis.ColumnWidth / 2);
        string span = EventsCommand.Time(axis.ColumnTime(column)) + " to " + EventsCommand.Time(axis.ColumnTime(column + 1));
        var tip = new List<string> { vault, span };
        for (int i = 0; i < byCategory.Length; i++)
        {
            if (byCategory[i] > 0)
            {
                tip.Add(SensitiveActions.All[i].Title + ": " + HtmlWriter.Format(byCategory[i]));
            }
        }

        w.Open("g");
        w.Element("title", string.Join("\n", tip));
        if (total == 1)
        {
            int only = Array.FindIndex(byCategory, c => c > 0);
            w.Empty("circle", "k" + only, ("cx", HtmlWriter.Format(center)), ("cy", HtmlWriter.Format(middle)), ("r", "4"));
            w.Close("g");
            return;
        }

        // A stacked mark: a segment per category, in the legend's order from the top.
        const double Height = 18;
        double y = middle - (Height / 2);
        for (int i = 0; i < byCategory.Length; i++)
        {
            if (byCategory[i] == 0)
            {
                continue;
            }

            double h = Height * byCategory[i] / total;
            w.Empty("rect", "k" + i, ("x", HtmlWriter.Format(x + 1)), ("y", HtmlWriter.Format(y)), ("width", HtmlWriter.Format(axis.ColumnWidth - 2)), ("height", HtmlWriter.Format(h)));
            y += h;
        }

        Text(w, "count", center, middle + 3, total > 999 ? "999+" : HtmlWriter.Format(total), "middle");
        w.Close("g");
    }

    internal static void Line(HtmlWriter w, string cls, double x1, double y1, double x2, double y2) =>
        w.Empty("line", cls, ("x1", HtmlWriter.Format(x1)), ("y1", HtmlWriter.Format(y1)), ("x2", HtmlWriter.Format(x2)), ("y2", HtmlWriter.Format(y2)));

    internal static void Text(HtmlWriter w, string cls, double x, double y, string text, string anchor) =>
        w.Open("text", cls, null, ("x", HtmlWriter.Format(x)), ("y", HtmlWriter.Format(y)), ("text-anchor", anchor)).Text(text).Close("text");
}
