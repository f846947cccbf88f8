using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Schemas;

namespace GlacierTrail.Cli.Commands;

/// <summary>
/// <c>glaciertrail check</c>: schema drift. Records are read with
/// <see cref="TypeMismatchHandling.KeepRaw"/>, so a value of the wrong type does not lose the
/// record; each record is then compared, as JSON, with the embedded schemas it was generated from.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, string? suggestDirectory, CancellationToken cancellationToken)
    {
        var input = CommandInput.Open(context, paths, TypeMismatchHandling.KeepRaw);
        var catalog = SchemaCatalog.BuiltIn;
        var report = new DriftReport();
        var walker = new DriftWalker(catalog, report);
        var suggester = suggestDirectory is null ? null : new SchemaSuggester();
        using var json = new RecordJson();
        long checkedRecords = 0;
        await foreach (var record in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var evt = record.Event;
            if (!filter.MatchesSource(evt))
            {
                continue;
            }

            checkedRecords++;
            json.Load(evt);
            bool known = catalog.Event(evt.EventSource, evt.EventName) is not null;
            if (!known)
            {
                DriftReport.Add(report.UnknownEvents, evt.EventSource + " " + evt.EventName, record.Location);
                suggester?.Add(evt.EventSource, evt.EventName, json.Root);
            }

            walker.Check(json.Root, evt.EventSource, evt.EventName, known, record.Location);
        }

        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"checked {checkedRecords} record(s) in {input.Files} file(s) against {catalog.Files.Count} schema file(s)\n");
        Section(text, "event names with no schema", report.UnknownEvents);
        Section(text, "fields no schema names", report.UnknownFields);
        Section(text, "type mismatches", report.TypeMismatches);
        if (input.Errors > 0)
        {
            text.Append(inv, $"\nunreadable records: {input.Errors} (reported above)\n");
        }

        if (!report.Any && input.Errors == 0)
        {
            text.Append("no drift found\n");
        }

        context.Stdout.Write(text.ToString());
        if (suggester is not null)
        {
            foreach (string path in suggester.WriteAll(suggestDirectory!))
            {
                context.Stdout.WriteLine("suggested schema: " + TerminalText.Escape(path));
            }

            if (suggester.Count == 0)
            {
                context.Stdout.WriteLine(NothingSuggested(filter, checkedRecords));
            }
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return report.Any || input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    // --suggest writes a schema only for an event that has none; say why there was none.
    private static string NothingSuggested(EventFilter filter, long checkedRecords)
    {
        string why = checkedRecords == 0
            ? "no record of the sources read was found"
            : "every event read already has a schema";
        if (!filter.AllSources)
        {
            var sources = new List<string>(filter.Sources);
            sources.Sort(StringComparer.Ordinal);
            why += $"; only records of {string.Join(", ", sources)} were read: add --all (or --source NAME) to suggest schemas for other services";
        }

        return "--suggest wrote no schema: " + why + ".";
    }

    private static void Section(StringBuilder text, string title, Dictionary<string, DriftReport.Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(title).Append(CultureInfo.InvariantCulture, $" ({findings.Count}):\n");
        foreach (var (key, finding) in DriftReport.Ordered(findings))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {finding.Count,8}  {TerminalText.Escape(key)}  (e.g. {TerminalText.Escape(finding.Example)})\n");
        }
    }
}
