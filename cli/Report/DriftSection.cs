using System.Collections.Generic;
using System.Linq;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// Schema problems (drift): what in the matched records did not fit their schema, grouped by event
/// name, path and kind, with the latest value as written. The records were still read and counted.
/// </summary>
internal static class DriftSection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        ReportPage.OpenSection(w, "drift", "Schema problems (drift)");
        w.Open("p").Number(data.RecordsWithProblems).Text(" matched records held something their schema does not describe: a missing member, a value of another type, a repeated member, a timestamp in another form. They are counted everywhere above; 'glaciertrail check' tells more.").Close("p");
        var groups = data.Problems.Groups
            .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.EventName, System.StringComparer.Ordinal).ThenBy(p => p.Key.Path, System.StringComparer.Ordinal).ThenBy(p => p.Key.Kind)
            .ToList();
        var rows = new List<SortableTable.Cell[]>();
        foreach (var ((name, path, kind), group) in groups.Take(ReportCaps.ProblemGroups))
        {
            rows.Add(
            [
                new(HtmlText.Clip(name, ReportCaps.ValueChars), "value"),
                new(HtmlText.Clip(path, ReportCaps.ValueChars), "value mono"),
                new(kind.ToString(), string.Empty),
                new(HtmlWriter.Format(group.Count), "num"),
                new(group.Example ?? "(none)", "value mono"),
                new(group.Location is null ? string.Empty : HtmlText.Clip(group.Location, ReportCaps.ValueChars), "value mono"),
            ]);
        }

        SortableTable.Write(w, "problem groups", [new("event", false), new("path", false), new("kind", false), new("records", true), new("latest value", false), new("where", false)], rows, groups.Count);
        if (data.Problems.Untracked > 0)
        {
            w.Open("p", "note").Number(data.Problems.Untracked).Text(" problems of further kinds were not grouped.").Close("p");
        }

        w.Close("section");
    }
}
