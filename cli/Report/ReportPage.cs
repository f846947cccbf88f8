using System.Collections.Generic;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// The report as one HTML document: the policy, style sheet and script inline in the head and at
/// the end, a navigation bar, and the sections in the order an audit reads them.
/// </summary>
internal static class ReportPage
{
    public static string Write(ReportData data)
    {
        string style = ReportAssets.Style;
        string script = ReportAssets.Script;
        var w = new HtmlWriter();
        w.Raw("<!DOCTYPE html>\n");
        w.Open("html", attributes: ("lang", "en"));
        w.Open("head");
        w.Empty("meta", attributes: ("charset", "utf-8"));

        // The policy comes first: it governs only what the parser meets after it.
        w.Empty("meta", attributes: [("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy.For(style, script))]);
        w.Empty("meta", attributes: [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]);
        w.Empty("meta", attributes: [("name", "referrer"), ("content", "no-referrer")]);
        w.Element("title", "Glacier audit report");
        w.Open("style").Raw(style).Close("style");
        w.Close("head");
        w.Open("body");
        w.Open("header", "page");
        w.Element("h1", "Amazon S3 Glacier audit report");
        w.Open("p").Text("From AWS CloudTrail logs, made by glaciertrail " + data.Provenance.ToolVersion + ". All times are UTC.").Close("p");
        w.Close("header");

        var sections = new List<(string Id, string Title)>
        {
            ("overview", "Overview"),
            ("timeline", "Timeline"),
            ("vaults", "Vaults"),
            ("principals", "Principals"),
            ("errors", "Denied and errors"),
            ("retrievals", "Retrievals"),
        };
        if (data.Problems.Groups.Count > 0 || data.Problems.Untracked > 0)
        {
            sections.Add(("drift", "Schema problems"));
        }

        if (data.Integrity is not null || data.IntegrityNote is not null)
        {
            sections.Add(("integrity", "Integrity"));
        }

        w.Open("nav", "sections", attributes: ("aria-label", "Sections"));
        foreach (var (id, title) in sections)
        {
            w.Link(id, title);
        }

        w.Close("nav");
        w.Open("main");
        OverviewSection.Write(w, data);
        TimelineSection.Write(w, data);
        EntityTables.Write(w, data);
        ErrorsSection.Write(w, data);
        RetrievalsSection.Write(w, data);
        if (sections.Exists(s => s.Id == "drift"))
        {
            DriftSection.Write(w, data);
        }

        if (sections.Exists(s => s.Id == "integrity"))
        {
            IntegritySection.Write(w, data);
        }

        w.Close("main");
        w.Open("script").Raw(script).Close("script");
        w.Close("body");
        w.Close("html");
        return w.Raw("\n").ToString();
    }

    /// <summary>Opens a section with its heading; the caller closes it.</summary>
    public static void OpenSection(HtmlWriter w, string id, string title)
    {
        w.Open("section", id: id);
        w.Element("h2", title);
    }

    /// <summary>A note that a list was cut: how many entries were left out.</summary>
    public static void LeftOut(HtmlWriter w, long count, string what)
    {
        if (count > 0)
        {
            w.Open("p", "note").Number(count).Text(" more " + what + " not shown.").Close("p");
        }
    }
}
