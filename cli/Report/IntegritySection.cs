using GlacierTrail.Cli.Commands;
using GlacierTrail.Cli.Output;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli.Report;

/// <summary>Digest validation (as <c>verify</c> does it): the summary, the chains, the keys used and the findings.</summary>
internal static class IntegritySection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        ReportPage.OpenSection(w, "integrity", "Integrity (digest validation)");
        if (data.Integrity is not { } result)
        {
            w.Element("p", data.IntegrityNote, "note");
            w.Close("section");
            return;
        }

        var summary = result.Summary;
        w.Open("p", summary.IsValid ? null : "warn")
            .Text(summary.IsValid ? "Valid: no errors. " : "Not valid: ")
            .Number(summary.DigestsValid).Text(" of ").Number(summary.Digests).Text(" digests valid, ")
            .Number(summary.LogFilesValid).Text(" of ").Number(summary.LogFilesReferenced).Text(" log files referenced valid, ")
            .Number(summary.Errors).Text(" errors, ").Number(summary.Warnings).Text(" warnings")
            .Text(summary.Start is null ? "; no digests." : "; digests from " + EventsCommand.Time(summary.Start) + " to " + EventsCommand.Time(summary.End) + ".")
            .Close("p");
        if (summary.OtherFiles > 0)
        {
            w.Open("p", "note").Number(summary.OtherFiles).Text(" files outside the AWSLogs/ layout were not checked.").Close("p");
        }

        if (result.Chains.Count > 0)
        {
            w.Element("h3", "Chains");
            w.Open("table");
            w.Raw("<thead><tr><th>prefix</th><th>trail</th><th>home region</th><th class=\"num\">digests</th><th>from</th><th>to</th></tr></thead>");
            w.Open("tbody");
            foreach (var chain in result.Chains)
            {
                w.Open("tr").Element("td", chain.Prefix + (chain.IsBackfill ? " (backfill)" : string.Empty), "value mono").Element("td", chain.TrailName, "value").Element("td", chain.HomeRegion)
                    .Element("td", chain.Digests, "num").Element("td", EventsCommand.Time(chain.Start), "time").Element("td", EventsCommand.Time(chain.End), "time").Close("tr");
            }

            w.Close("tbody").Close("table");
        }

        if (result.KeysUsed.Count > 0)
        {
            w.Element("h3", "Keys used");
            w.Open("ul");
            foreach (var use in result.KeysUsed)
            {
                w.Open("li").Element("code", use.Key.Fingerprint).Text(": ").Number(use.Digests).Text(" digests").Close("li");
            }

            w.Close("ul");
        }

        w.Element("h3", "Findings");
        if (result.Findings.Count == 0)
        {
            w.Element("p", "None.", "note");
        }
        else
        {
            w.Open("table", "findings");
            w.Raw("<thead><tr><th>severity</th><th>kind</th><th>file</th><th>detail</th></tr></thead>");
            w.Open("tbody");
            for (int i = 0; i < result.Findings.Count && i < ReportCaps.Findings; i++)
            {
                var finding = result.Findings[i];
                w.Open("tr")
                    .Element("td", finding.Severity == IntegritySeverity.Error ? "error" : "warning", finding.Severity == IntegritySeverity.Error ? "denied" : null)
                    .Element("td", VerifyReport.Label(finding.Kind))
                    .Element("td", HtmlText.Clip(finding.File.S3Key ?? finding.File.LocalPath ?? string.Empty, ReportCaps.ValueChars), "value mono")
                    .Element("td", HtmlText.Clip(finding.Detail, ReportCaps.ValueChars), "value")
                    .Close("tr");
            }

            w.Close("tbody").Close("table");
            ReportPage.LeftOut(w, result.Findings.Count - ReportCaps.Findings, "findings");
        }

        w.Close("section");
    }
}
