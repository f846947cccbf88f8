using System.Linq;
using GlacierTrail.Cli.Audit;

namespace GlacierTrail.Cli.Report;

/// <summary>Retrievals over time by tier, and their counts by type and tier (as <c>summary</c> counts them).</summary>
internal static class RetrievalsSection
{
    public static void Write(HtmlWriter w, ReportData data)
    {
        var sensitive = data.Counts.Sensitive;
        ReportPage.OpenSection(w, "retrievals", "Retrievals over time");
        long total = sensitive.Count(SensitiveActions.Retrievals);
        w.Open("p").Number(total).Text(" retrieval jobs started (InitiateJob). Expedited retrievals cost the most; a burst of them, or of any tier, from one principal is worth a look.").Close("p");
        if (total == 0)
        {
            w.Close("section");
            return;
        }

        if (data.Counts.First is not null && data.Retrievals.Keys.Any())
        {
            RetrievalChart.Write(w, data);
        }

        w.Element("h3", "By type and tier");
        var kinds = sensitive.ByKind(SensitiveActions.Retrievals);
        OverviewSection.CountTable(w, "type and tier", kinds, kinds.Count, ReportCaps.RetrievalKinds);
        w.Close("section");
    }
}
