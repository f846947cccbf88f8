using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli.Report;

/// <summary>The per-vault and per-principal tables: what each did, most active first.</summary>
internal static class EntityTables
{
    private static readonly SortableTable.Column[] Columns =
    [
        new("events", true),
        new("deletions", true),
        new("policy, lock, notification changes", true),
        new("retrievals", true),
        new("denied", true),
        new("other errors", true),
        new("first", false),
        new("last", false),
    ];

    public static void Write(HtmlWriter w, ReportData data)
    {
        ReportPage.OpenSection(w, "vaults", "Vaults");
        w.Open("p", "note").Text("Calls per vault (requestParameters.vaultName; " + AuditCounts.None + " for calls on no vault), most first. Click a heading to sort.").Close("p");
        Write(w, "vault", "vaults", data.Vaults);
        w.Close("section");
        ReportPage.OpenSection(w, "principals", "Principals");
        w.Open("p", "note").Text("Calls per principal (the caller's ARN, else the calling service or principal ID), most first. Click a heading to sort.").Close("p");
        Write(w, "principal", "principals", data.Principals);
        w.Close("section");
    }

    private static void Write(HtmlWriter w, string key, string what, IReadOnlyDictionary<string, EntityStats> all)
    {
        var ordered = all.OrderByDescending(p => p.Value.Events).ThenBy(p => p.Key, System.StringComparer.Ordinal).Take(ReportCaps.TableRows);
        var rows = new List<SortableTable.Cell[]>();
        foreach (var (name, stats) in ordered)
        {
            rows.Add(
            [
                new(HtmlText.Clip(name, ReportCaps.ValueChars), "value"),
                Num(stats.Events),
                Num(stats.Deletions),
                Num(stats.Changes),
                Num(stats.Retrievals),
                Num(stats.Denied),
                Num(stats.OtherErrors),
                new(EventsCommand.Time(stats.First), "time"),
                new(EventsCommand.Time(stats.Last), "time"),
            ]);
        }

        SortableTable.Write(w, what, [new(key, false), .. Columns], rows, all.Count);
    }

    private static SortableTable.Cell Num(long value) => new(HtmlWriter.Format(value), "num");
}
