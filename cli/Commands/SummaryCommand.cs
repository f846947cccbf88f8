using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Problems;

namespace GlacierTrail.Cli.Commands;

/// <summary><c>glaciertrail summary</c>: counts, time range, files and records read and skipped.</summary>
internal static class SummaryCommand
{
    private const string None = "(none)";

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, bool asJson, int top, CancellationToken cancellationToken)
    {
        // Skipped input is listed in the summary itself, not also as notes on stderr.
        var input = CommandInput.Open(context, paths, sources: filter);
        input.EchoNotices = false;
        var sensitive = new SensitiveActionLog(top);
        using var problems = new ProblemLog(input, warn: false);
        using var json = new RecordJson();
        var dimensions = new (string Name, Dictionary<string, long> Counts)[]
        {
            ("eventName", new(StringComparer.Ordinal)),
            ("principal", new(StringComparer.Ordinal)),
            ("vault", new(StringComparer.Ordinal)),
            ("errorCode", new(StringComparer.Ordinal)),
            ("sourceIPAddress", new(StringComparer.Ordinal)),
        };
        long matched = 0;
        DateTimeOffset? first = null, last = null;
        await foreach (var record in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var evt = record.Event;
            if (!filter.MatchesSource(evt))
            {
                continue;
            }

            json.Load(evt);
            if (!filter.Matches(evt, json))
            {
                continue;
            }

            matched++;
            problems.Add(record);
            if (evt.EventTime is { } time)
            {
                first = first is null || time < first ? time : first;
                last = last is null || time > last ? time : last;
            }

            string? vault = json.Vault;
            sensitive.Add(evt, vault);
            Count(dimensions[0].Counts, evt.EventName);
            Count(dimensions[1].Counts, Principal.Display(evt));
            Count(dimensions[2].Counts, vault);
            Count(dimensions[3].Counts, evt.ErrorCode);
            Count(dimensions[4].Counts, evt.SourceIPAddress);
        }

        if (asJson)
        {
            WriteJson(context.Stdout, input, matched, first, last, dimensions, sensitive, problems);
        }
        else
        {
            WriteText(context.Stdout, input, matched, first, last, dimensions, sensitive, top, problems);
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    private static void Count(Dictionary<string, long> counts, string? key)
    {
        key ??= None;
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static IEnumerable<KeyValuePair<string, long>> Ordered(IReadOnlyDictionary<string, long> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);

    private static void WriteText(TextWriter output, LogInput input, long matched, DateTimeOffset? first, DateTimeOffset? last, (string Name, Dictionary<string, long> Counts)[] dimensions, SensitiveActionLog sensitive, int top, ProblemLog problems)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"files read:      {input.Files}\n");
        text.Append(inv, $"records read:    {input.Records}\n");
        text.Append(inv, $"records matched: {matched}\n");
        text.Append(inv, $"records skipped: {input.Errors}\n");
        foreach (var (reason, count) in Ordered(input.SkipReasons))
        {
            text.Append(inv, $"  {count,8}  {TerminalText.Escape(reason)}\n");
        }

        // Records delivered with what did not fit their schema (run `check` for where).
        text.Append(inv, $"with problems:   {problems.Records}\n");
        foreach (var (kind, count) in Ordered(ByKind(problems)))
        {
            text.Append(inv, $"  {count,8}  {kind}\n");
        }

        if (input.Notices.Count > 0)
        {
            text.Append(inv, $"input skipped:   {input.Notices.Count}\n");
            foreach (string notice in input.Notices)
            {
                text.Append("  ").Append(TerminalText.Escape(notice)).Append('\n');
            }
        }

        text.Append("time range:      ")
            .Append(first is null ? None : EventsCommand.Time(first.Value) + " .. " + EventsCommand.Time(last!.Value))
            .Append('\n');
        SensitiveSection.WriteText(text, sensitive, top);
        foreach (var (name, counts) in dimensions)
        {
            text.Append('\n').Append(name).Append(inv, $" ({counts.Count})\n");
            foreach (var (key, count) in Ordered(counts))
            {
                text.Append(inv, $"  {count,8}  {TerminalText.Escape(key)}\n");
            }
        }

        output.Write(text.ToString());
    }

    private static void WriteJson(TextWriter output, LogInput input, long matched, DateTimeOffset? first, DateTimeOffset? last, (string Name, Dictionary<string, long> Counts)[] dimensions, SensitiveActionLog sensitive, ProblemLog problems)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("files", input.Files);
            writer.WriteNumber("records", input.Records);
            writer.WriteNumber("matched", matched);
            writer.WriteStartObject("problems");
            writer.WriteNumber("records", problems.Records);
            writer.WriteStartObject("kinds");
            foreach (var (kind, count) in Ordered(ByKind(problems)))
            {
                writer.WriteNumber(kind, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("skipped");
            writer.WriteNumber("records", input.Errors);
            writer.WriteStartObject("reasons");
            foreach (var (reason, count) in Ordered(input.SkipReasons))
            {
                writer.WriteNumber(reason, count);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("notices");
            foreach (string notice in input.Notices)
            {
                writer.WriteStringValue(notice);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("timeRange");
            if (first is null)
            {
                writer.WriteNull("first");
                writer.WriteNull("last");
            }
            else
            {
                writer.WriteString("first", EventsCommand.Time(first.Value));
                writer.WriteString("last", EventsCommand.Time(last!.Value));
            }

            writer.WriteEndObject();
            SensitiveSection.WriteJson(writer, sensitive);
            foreach (var (name, counts) in dimensions)
            {
                writer.WriteStartObject(name);
                foreach (var (key, count) in Ordered(counts))
                {
                    writer.WriteNumber(key, count);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        output.Write('\n');
    }

    private static Dictionary<string, long> ByKind(ProblemLog problems)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((_, _, kind), count) in problems.Counts)
        {
            string name = kind.ToString();
            kinds[name] = kinds.GetValueOrDefault(name) + count.Count;
        }

        return kinds;
    }
}
