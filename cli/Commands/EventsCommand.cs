using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Schemas;

namespace GlacierTrail.Cli.Commands;

/// <summary><c>glaciertrail events</c>: the events, filtered, as NDJSON, CSV or a table.</summary>
internal static class EventsCommand
{
    private static readonly string[] FixedColumns = { "time", "eventName", "principal", "sourceIPAddress", "vault", "errorCode" };

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, string format, CancellationToken cancellationToken)
    {
        var input = CommandInput.Open(context, paths);
        var output = context.Stdout;
        using var json = new RecordJson();
        List<string>? requestColumns = null;
        if (format == "csv")
        {
            requestColumns = RequestColumns.For(SchemaCatalog.BuiltIn, filter);
            WriteCsvRow(output, Header(requestColumns), context.StdoutIsTerminal);
        }
        else if (format == "table")
        {
            output.WriteLine(Table.Header);
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = new List<string>();
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

            switch (format)
            {
                case "csv":
                    cells.Clear();
                    if (json.Member("requestParameters") is { } request)
                    {
                        RequestColumns.Flatten(request, SchemaCatalog.BuiltIn.Payload(evt.EventSource, evt.EventName, "requestParameters"), "requestParameters", cells);
                    }

                    row.Clear();
                    row.Add(Time(evt.EventTime));
                    row.Add(evt.EventName);
                    row.Add(Principal.Display(evt) ?? string.Empty);
                    row.Add(evt.SourceIPAddress ?? string.Empty);
                    row.Add(json.Vault ?? string.Empty);
                    row.Add(evt.ErrorCode ?? string.Empty);
                    foreach (string column in requestColumns!)
                    {
                        row.Add(cells.GetValueOrDefault(column) ?? string.Empty);
                    }

                    WriteCsvRow(output, row, context.StdoutIsTerminal);
                    break;
                case "table":
                    output.WriteLine(Table.Row(Time(evt.EventTime), evt.EventName, Principal.Display(evt), evt.SourceIPAddress, json.Vault, evt.ErrorCode));
                    break;
                default:
                    string line = Encoding.UTF8.GetString(json.Utf8);
                    output.Write(context.StdoutIsTerminal ? TerminalText.Escape(line) : line);
                    output.Write('\n');
                    break;
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    internal static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static List<string> Header(List<string> requestColumns)
    {
        var header = new List<string>(FixedColumns);
        header.AddRange(requestColumns);
        return header;
    }

    private static void WriteCsvRow(TextWriter output, List<string> cells, bool escapeControls)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(CsvText.Cell(cells[i], escapeControls));
        }

        // RFC 4180 ends records with CRLF.
        line.Append("\r\n");
        output.Write(line.ToString());
    }
}
