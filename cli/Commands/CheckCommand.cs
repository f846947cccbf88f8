using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Drift;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Problems;
using GlacierTrail.Cli.Suggest;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Commands;

/// <summary>
/// <c>glaciertrail check</c>: schema drift. Records are read with
/// the default tolerant reader, so a value of the wrong type does not lose the
/// record; each record is then compared, as JSON, with the member metadata the generator emitted
/// from the schemas its event types were made of.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, string? suggestDirectory, CancellationToken cancellationToken)
    {
        var input = CommandInput.Open(context, paths, sources: filter);
        var report = new DriftReport();
        var walker = new DriftWalker(report);
        var suggester = suggestDirectory is null ? null : new SchemaSuggester();
        using var problems = new ProblemLog(input, warn: false);
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
            problems.Add(record);
            json.Load(evt);
            var metadata = GlacierTrailEvents.FindMetadata(evt.EventSource, evt.EventName);
            if (metadata is null)
            {
                DriftReport.Add(report.UnknownEvents, evt.EventSource + " " + evt.EventName, record.Location);
                suggester?.Add(evt.EventSource, evt.EventName, json.Root);
            }

            walker.Check(evt, json.Root, metadata, record.Location);
        }

        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"checked {checkedRecords} record(s) in {input.Files} file(s) against {GlacierTrailEvents.Metadata.Count} event type(s)\n");
        Section(text, "event names with no schema", report.UnknownEvents);
        Section(text, "fields no schema names", report.UnknownFields);
        Section(text, "type mismatches", report.TypeMismatches);
        ProblemSection(text, problems);
        if (input.Errors > 0)
        {
            text.Append(inv, $"\nunreadable records: {input.Errors} (reported above)\n");
        }

        if (!report.Any && input.Errors == 0 && problems.Records == 0)
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
        return report.Any || input.Errors > 0 || problems.Records > 0 ? Cli.DataProblem : Cli.Ok;
    }

    /// <summary>
    /// The problems the reader attached to delivered records, by event name, path and kind: where
    /// an inferred schema is wrong, with the change that would fit what the logs hold.
    /// </summary>
    private static void ProblemSection(StringBuilder text, ProblemLog problems)
    {
        if (problems.Counts.Count == 0)
        {
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"\nproblems in {problems.Records} record(s) ({problems.Counts.Count}):\n");
        foreach (var ((name, path, kind), count) in problems.Counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.EventName, StringComparer.Ordinal).ThenBy(p => p.Key.Path, StringComparer.Ordinal))
        {
            string example = count.Example is null ? count.FirstRecord : count.Example + " in " + count.FirstRecord;
            text.Append(inv, $"  {count.Count,8}  {TerminalText.Escape(name)} {TerminalText.Escape(path.Length == 0 ? "(record)" : path)}: {kind}  (e.g. {TerminalText.Escape(example)})\n");
            text.Append("            fix: ").Append(TerminalText.Escape(Fix(name, path, kind))).Append('\n');
        }
    }

    private static string Fix(string eventName, string path, CloudTrailProblemKind kind)
    {
        string schema = eventName.Length == 0 ? "the envelope schema" : $"{eventName}.schema.json";
        string member = path.Length == 0 ? "the record" : $"'{path}'";
        return kind switch
        {
            CloudTrailProblemKind.MissingMember when path is "eventTime" or "eventSource" or "eventName" =>
                $"the records lack {member}: a log shipper may have renamed it; read them from the trail's own files",
            CloudTrailProblemKind.MissingMember => $"CloudTrail leaves out {member}: remove it from 'required' in {schema}",
            CloudTrailProblemKind.WrongType => $"the logs hold another JSON type at {member}: widen its 'type' in {schema} (a type array such as [\"string\", \"number\"])",
            CloudTrailProblemKind.NumberOutOfRange => $"{member} is not always a 64-bit integer: make it 'number' in {schema}",
            CloudTrailProblemKind.UnreadableTimestamp => $"{member} is not a timestamp: drop 'format': 'date-time' from it in {schema}",
            CloudTrailProblemKind.NonCanonicalTimestamp => $"{member} is not in CloudTrail's form: the records were rewritten on the way (a log shipper); no schema change",
            CloudTrailProblemKind.RepeatedMember => $"{member} appears twice in one object: not a schema matter; the record was altered or badly re-serialised",
            CloudTrailProblemKind.InvalidUnicode => $"{member} holds an escape that is not Unicode: not a schema matter; the record was altered",
            _ => "the records came in a container shape read by a guess: check the source of the input",
        };
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
