using System;
using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli.Report;

/// <summary>Retrieval jobs started over time as inline SVG: a bar per time column, stacked by tier.</summary>
internal static class RetrievalChart
{
    private const double ViewWidth = 1180;
    private const double PlotX = 230;
    private const double PlotWidth = 930;
    private const int Columns = 62;
    private const double Top = 10;
    private const double PlotHeight = 150;
    private const double AxisHeight = 28;

    public static void Write(HtmlWriter w, ReportData data)
    {
        var axis = new TimeAxis(data.Counts.First!.Value, data.Counts.Last!.Value, PlotX, PlotWidth, Columns);
        var tiers = ReportData.Tiers;
        var columns = new Dictionary<int, long[]>();
        foreach (string tier in data.Retrievals.Keys)
        {
            int index = IndexOf(tiers, tier);
            foreach (var (start, count) in data.Retrievals.Buckets(tier))
            {
                int column = axis.Column(start, data.Retrievals.Width);
                if (!columns.TryGetValue(column, out var byTier))
                {
                    columns[column] = byTier = new long[tiers.Count];
                }

                byTier[index] += count;
            }
        }

        long max = Math.Max(1, columns.Values.Select(c => c.Sum()).DefaultIfEmpty(0).Max());
        double bottom = Top + PlotHeight;
        string view = "0 0 " + HtmlWriter.Format(ViewWidth) + " " + HtmlWriter.Format(bottom + AxisHeight);
        w.Open("svg", "chart retrievals", "retrievals-chart", ("viewBox", view), ("role", "img"), ("aria-label", "Retrieval jobs started over time, by tier"));
        foreach (var (x, label) in axis.Ticks())
        {
            TimelineChart.Line(w, "grid", x, Top, x, bottom);
            TimelineChart.Text(w, "tick", x, bottom + 16, label, "middle");
        }

        TimelineChart.Line(w, "grid", PlotX, Top, PlotX + PlotWidth, Top);
        TimelineChart.Text(w, "tick", PlotX - 6, Top + 4, HtmlWriter.Format(max), "end");
        TimelineChart.Text(w, "tick", PlotX - 6, bottom, "0", "end");
        TimelineChart.Text(w, "label", 6, Top + (PlotHeight / 2), "jobs per column", "start");
        foreach (var (column, byTier) in columns.OrderBy(c => c.Key))
        {
            double x = axis.ColumnX(column) + 1;
            double y = bottom;
            var tip = new List<string> { EventsCommand.Time(axis.ColumnTime(column)) + " to " + EventsCommand.Time(axis.ColumnTime(column + 1)) };
            w.Open("g");
            for (int i = 0; i < byTier.Length; i++)
            {
                if (byTier[i] == 0)
                {
                    continue;
                }

                double h = PlotHeight * byTier[i] / max;
                y -= h;
                w.Empty("rect", "t" + i, ("x", HtmlWriter.Format(x)), ("y", HtmlWriter.Format(y)), ("width", HtmlWriter.Format(axis.ColumnWidth - 2)), ("height", HtmlWriter.Format(h)));
                tip.Add(tiers[i] + ": " + HtmlWriter.Format(byTier[i]));
            }

            w.Element("title", string.Join("\n", tip));
            w.Close("g");
        }

        TimelineChart.Line(w, "axis", PlotX, bottom, PlotX + PlotWidth, bottom);
        w.Close("svg");
        w.Open("div", "legend");
        for (int i = 0; i < tiers.Count; i++)
        {
            w.Element("span", tiers[i], "t" + i);
        }

        w.Close("div");
    }

    private static int IndexOf(IReadOnlyList<string> tiers, string tier)
    {
        for (int i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] == tier)
            {
                return i;
            }
        }

        return tiers.Count - 1;
    }
}
