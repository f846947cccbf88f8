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

namespace GlacierTrail.Cli.Commands;

/// <summary><c>glaciertrail summary</c>: counts, time range, files and records read and skipped.</summary>
internal static class SummaryCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, bool asJson, int top, CancellationToken cancellationToken)
    {
        // Skipped input is listed in the summary itself, not also as notes on stderr.
        var input = CommandInput.Open(context, paths, sources: filter);
        input.EchoNotices = false;
        var counts = new AuditCounts(top);
        await counts.ReadAsync(input, filter, each: null, cancellationToken).ConfigureAwait(false);
        if (asJson)
        {
            WriteJson(context.Stdout, input, counts);
        }
        else
        {
            WriteText(context.Stdout, input, counts, top);
        }

        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    private static void WriteText(TextWriter output, LogInput input, AuditCounts counts, int top)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"files read:      {input.Files}\n");
        text.Append(inv, $"records read:    {input.Records}\n");
        text.Append(inv, $"records matched: {counts.Matched}\n");
        text.Append(inv, $"records skipped: {input.Errors}\n");
        foreach (var (reason, count) in AuditCounts.Ordered(input.SkipReasons))
        {
            text.Append(inv, $"  {count,8}  {TerminalText.Escape(reason)}\n");
        }

        // Records delivered with what did not fit their schema (run `check` for where).
        text.Append(inv, $"with problems:   {counts.Problems?.Records ?? 0}\n");
        foreach (var (kind, count) in AuditCounts.Ordered(counts.Problems?.CountsByKind() ?? []))
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
            .Append(counts.First is null ? AuditCounts.None : EventsCommand.Time(counts.First.Value) + " .. " + EventsCommand.Time(counts.Last!.Value))
            .Append('\n');
        SensitiveSection.WriteText(text, counts.Sensitive, top);
        foreach (var (name, dimension) in counts.Dimensions)
        {
            text.Append('\n').Append(name).Append(inv, $" ({dimension.Count})\n");
            foreach (var (key, count) in AuditCounts.Ordered(dimension))
            {
                text.Append(inv, $"  {count,8}  {TerminalText.Escape(key)}\n");
            }
        }

        output.Write(text.ToString());
    }

    private static void WriteJson(TextWriter output, LogInput input, AuditCounts counts)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("files", input.Files);
            writer.WriteNumber("records", input.Records);
            writer.WriteNumber("matched", counts.Matched);
            writer.WriteStartObject("problems");
            writer.WriteNumber("records", counts.Problems?.Records ?? 0);
            writer.WriteStartObject("kinds");
            foreach (var (kind, count) in AuditCounts.Ordered(counts.Problems?.CountsByKind() ?? []))
            {
                writer.WriteNumber(kind, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("skipped");
            writer.WriteNumber("records", input.Errors);
            writer.WriteStartObject("reasons");
            foreach (var (reason, count) in AuditCounts.Ordered(input.SkipReasons))
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
            if (counts.First is null)
            {
                writer.WriteNull("first");
                writer.WriteNull("last");
            }
            else
            {
                writer.WriteString("first", EventsCommand.Time(counts.First.Value));
                writer.WriteString("last", EventsCommand.Time(counts.Last!.Value));
            }

            writer.WriteEndObject();
            SensitiveSection.WriteJson(writer, counts.Sensitive);
            foreach (var (name, dimension) in counts.Dimensions)
            {
                writer.WriteStartObject(name);
                foreach (var (key, count) in AuditCounts.Ordered(dimension))
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
}
