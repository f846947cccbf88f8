using System.Linq;
using GlacierTrail.Cli.Audit;

namespace GlacierTrail.Cli.Report;

/// <summary>The timeline of sensitive actions per vault, then the most recent entries of each category (as <c>summary --top</c>).</summary>
internal static class TimelineSection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        var sensitive = data.Counts.Sensitive;
        ReportPage.OpenSection(w, "timeline", "Timeline of sensitive actions");
        w.Open("p", "note").Text("Deletions, access policy, vault lock, notification and data retrieval policy changes, retrievals started, and calls denied, by vault (a denied call on no vault is on the row " + AuditCounts.None + "). A failed call is no action: only denied calls are shown among failures. Marks in one column are binned, with their count; hover for details.").Close("p");
        if (data.Counts.First is null || !data.Timeline.Keys.Any())
        {
            w.Element("p", "No sensitive actions with an event time.", "note");
        }
        else
        {
            TimelineChart.Write(w, data);
        }

        if (data.Undated > 0)
        {
            w.Open("p", "note").Number(data.Undated).Text(" sensitive actions without an event time are counted below but not drawn.").Close("p");
        }

        w.Open("table", "categories");
        w.Open("thead").Open("tr").Element("th", "category").Element("th", "event names").Element("th", "count", "num").Close("tr").Close("thead");
        w.Open("tbody");
        for (int i = 0; i < SensitiveActions.All.Count; i++)
        {
            var category = SensitiveActions.All[i];
            string names = category.EventNames.Count > 0 ? string.Join(", ", category.EventNames) : "access denied, any event";
            w.Open("tr").Open("td").Element("span", category.Title, "key k" + i).Close("td").Element("td", names).Element("td", sensitive.Count(category), "num").Close("tr");
        }

        w.Close("tbody").Close("table");

        foreach (var category in SensitiveActions.All)
        {
            var recent = sensitive.Recent(category);
            w.Open("h3").Text("Most recent " + category.Title + " (").Number(recent.Count).Text(" of ").Number(sensitive.Count(category)).Text(")").Close("h3");
            if (recent.Count == 0)
            {
                w.Element("p", "None.", "note");
                continue;
            }

            w.Open("table", "recent");
            w.Open("thead").Open("tr");
            foreach (string head in new[] { "time", "event", category == SensitiveActions.Denied ? "error code" : "detail", "principal", "source IP", "vault", "event ID" })
            {
                w.Element("th", head);
            }

            w.Close("tr").Close("thead");
            w.Open("tbody");
            foreach (var entry in recent)
            {
                w.Open("tr")
                    .Element("td", entry.Time, "time")
                    .Element("td", entry.EventName)
                    .Element("td", entry.Detail ?? string.Empty)
                    .Element("td", Value(entry.Principal), "value")
                    .Element("td", Value(entry.SourceIPAddress), "value")
                    .Element("td", Value(entry.Vault), "value")
                    .Element("td", Value(entry.EventId), "mono")
                    .Close("tr");
            }

            w.Close("tbody").Close("table");
        }

        w.Close("section");
    }

    /// <summary>A value from the logs for a table cell: clipped, and a visible mark for none.</summary>
    public static string Value(string? value) => value is null ? "(none)" : HtmlText.Clip(value, ReportCaps.ValueChars);
}
