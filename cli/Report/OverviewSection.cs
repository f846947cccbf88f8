using System;
using System.Collections.Generic;
using System.Globalization;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli.Report;

/// <summary>The overview: what was read, the headline counts, and the report's provenance.</summary>
internal static class OverviewSection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        var input = data.Input;
        var counts = data.Counts;
        ReportPage.OpenSection(w, "overview", "Overview");
        w.Open("div", "cards");
        Card(w, counts.Matched, "records matched", flag: false);
        Card(w, input.Records, "records read", flag: false);
        Card(w, input.Files, "files read", flag: false);
        Card(w, counts.Sensitive.Count(SensitiveActions.Deletions), "deletions", flag: counts.Sensitive.Count(SensitiveActions.Deletions) > 0);
        Card(w, counts.Sensitive.Count(SensitiveActions.Denied), "denied calls", flag: counts.Sensitive.Count(SensitiveActions.Denied) > 0);
        Card(w, data.RecordsWithProblems, "records with problems", flag: data.RecordsWithProblems > 0);
        Card(w, input.Errors, "records not readable", flag: input.Errors > 0);
        w.Close("div");

        w.Open("dl", "facts");
        Fact(w, "time range", counts.First is null ? "(no event times)" : EventsCommand.Time(counts.First) + " to " + EventsCommand.Time(counts.Last));
        w.Element("dt", "records").Open("dd", "counts")
            .Number(input.Records).Text(" read, ").Number(counts.Matched).Text(" matched the filters, ")
            .Number(data.RecordsWithProblems).Text(" of them with problems (delivered, see Schema problems), ")
            .Number(input.Errors).Text(" could not be read").Close("dd");
        w.Element("dt", "files").Open("dd").Number(input.Files).Text(" read, ").Number(input.Notices.Count).Text(" skipped on purpose").Close("dd");
        w.Close("dl");

        if (input.SkipReasons.Count > 0)
        {
            w.Element("h3", "Records that could not be read");
            CountTable(w, "reason", AuditCounts.Ordered(input.SkipReasons), input.SkipReasons.Count, ReportCaps.Reasons);
        }

        if (input.Notices.Count > 0)
        {
            // Folded: a synced trail holds a digest file per hour, each skipped with a note.
            w.Open("details").Open("summary").Number(input.Notices.Count).Text(" inputs skipped on purpose (digest files, files that are not logs)").Close("summary");
            w.Open("ul");
            for (int i = 0; i < input.Notices.Count && i < ReportCaps.Reasons; i++)
            {
                w.Element("li", input.Notices[i], "mono");
            }

            w.Close("ul");
            ReportPage.LeftOut(w, input.Notices.Count - ReportCaps.Reasons, "skipped inputs");
            w.Close("details");
        }

        WriteProvenance(w, data);
        w.Close("section");
    }

    private static void WriteProvenance(HtmlWriter w, ReportData data)
    {
        var provenance = data.Provenance;
        w.Element("h3", "Provenance");
        w.Open("dl", "facts");
        Fact(w, "tool", "glaciertrail " + provenance.ToolVersion);
        w.Element("dt", "command line").Open("dd").Element("code", provenance.CommandLine).Close("dd");
        w.Element("dt", "generated").Open("dd").Element("span", provenance.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "generated").Close("dd");
        Fact(w, "times", "All times are UTC (ISO 8601, as CloudTrail writes them).");
        w.Element("dt", "inputs").Open("dd");
        for (int i = 0; i < provenance.Inputs.Count; i++)
        {
            w.Raw(i > 0 ? ", " : string.Empty).Element("code", provenance.Inputs[i]);
        }

        w.Close("dd");
        var files = data.Input.FileHashes;
        string? combined = ReportProvenance.CombinedHash(files);
        w.Element("dt", "files read (SHA-256)").Open("dd").Number(files.Count).Text(files.Count == 1 ? " file" : " files");
        if (combined is not null && files.Count > 0)
        {
            w.Text("; combined SHA-256 ").Element("code", combined, "combined").Text(" (of their listing as sha256sum writes it, in the order read)");
        }

        w.Close("dd");
        w.Close("dl");
        if (files.Count == 0)
        {
            return;
        }

        if (files.Count > ReportCaps.InputFiles)
        {
            w.Open("p", "note").Text("The files are too many to list (more than ").Number(ReportCaps.InputFiles).Text("): the combined hash stands for them.").Close("p");
            return;
        }

        w.Open("table", "files");
        w.Raw("<thead><tr><th>file</th><th class=\"num\">bytes</th><th>SHA-256</th></tr></thead>");
        w.Open("tbody");
        foreach (var file in files)
        {
            w.Open("tr").Element("td", file.Path, "value mono").Element("td", file.Bytes, "num").Element("td", file.Sha256 ?? "(not read to its end)", "mono").Close("tr");
        }

        w.Close("tbody").Close("table");
    }

    /// <summary>A table of a key and its count, cut at <paramref name="cap"/> rows.</summary>
    public static void CountTable(HtmlWriter w, string keyTitle, IEnumerable<KeyValuePair<string, long>> ordered, int total, int cap)
    {
        w.Open("table");
        w.Open("thead").Open("tr").Element("th", keyTitle).Element("th", "records", "num").Close("tr").Close("thead");
        w.Open("tbody");
        int shown = 0;
        foreach (var (key, count) in ordered)
        {
            if (shown++ == cap)
            {
                break;
            }

            w.Open("tr").Element("td", HtmlText.Clip(key, ReportCaps.ValueChars), "value").Element("td", count, "num").Close("tr");
        }

        w.Close("tbody").Close("table");
        ReportPage.LeftOut(w, total - cap, "entries");
    }

    private static void Card(HtmlWriter w, long value, string label, bool flag)
    {
        w.Open("div", flag ? "card flag" : "card").Element("b", value).Element("span", label).Close("div");
    }

    private static void Fact(HtmlWriter w, string term, string value) => w.Element("dt", term).Element("dd", value);
}
