using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli.Report;

/// <summary>Denied calls and errors: counts by error code, then by error code and event name with the latest message.</summary>
internal static class ErrorsSection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        var counts = data.Counts;
        ReportPage.OpenSection(w, "errors", "Denied calls and errors");
        long denied = counts.Sensitive.Count(SensitiveActions.Denied);
        long failed = counts.ErrorCodes.Where(p => p.Key != AuditCounts.None).Sum(p => p.Value);
        w.Open("p").Number(failed).Text(" calls failed with an error code; ").Number(denied).Text(" of them were denied for want of permission (" + string.Join(", ", SensitiveActions.AccessDeniedCodes.Order(System.StringComparer.Ordinal)) + "). The most recent denied calls are listed under the timeline.").Close("p");
        if (failed == 0)
        {
            w.Close("section");
            return;
        }

        w.Element("h3", "By error code");
        var codes = AuditCounts.Ordered(counts.ErrorCodes).Where(p => p.Key != AuditCounts.None).ToList();
        OverviewSection.CountTable(w, "error code", codes, codes.Count, ReportCaps.ErrorGroups);

        w.Element("h3", "By error code and event name");
        var groups = data.Errors.Groups
            .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.ErrorCode, System.StringComparer.Ordinal).ThenBy(p => p.Key.EventName, System.StringComparer.Ordinal)
            .ToList();
        var rows = new List<SortableTable.Cell[]>();
        foreach (var ((code, name), group) in groups.Take(ReportCaps.ErrorGroups))
        {
            rows.Add(
            [
                new(HtmlText.Clip(code, ReportCaps.ValueChars), SensitiveActions.IsAccessDenied(code) ? "value denied" : "value"),
                new(HtmlText.Clip(name, ReportCaps.ValueChars), "value"),
                new(HtmlWriter.Format(group.Count), "num"),
                new(EventsCommand.Time(group.Last), "time"),
                new(group.Example ?? "(no message)", "value"),
            ]);
        }

        SortableTable.Write(w, "error groups", [new("error code", false), new("event", false), new("calls", true), new("last", false), new("latest message", false)], rows, groups.Count);
        if (data.Errors.Untracked > 0)
        {
            w.Open("p", "note").Number(data.Errors.Untracked).Text(" failed calls of further kinds were counted above but not grouped.").Close("p");
        }

        w.Close("section");
    }
}
