using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Problems;

namespace GlacierTrail.Cli.Commands;

/// <summary><c>glaciertrail events</c>: the events, filtered, as NDJSON, CSV or a table, in input or time order.</summary>
internal static class EventsCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, EventsSettings settings, ProblemSettings problemSettings, CancellationToken cancellationToken)
    {
        var input = CommandInput.Open(context, paths, problemSettings.Strict, filter);
        using var rejects = problemSettings.RejectsFile is { } rejectsPath ? new RejectsFile(rejectsPath) : null;
        input.Rejected = rejects is null ? null : rejects.Add;
        using var problems = new ProblemLog(input, warn: true, problemSettings.ProblemsFile);
        var output = context.Stdout;
        using var json = new RecordJson();
        var columns = settings.Columns;
        var table = settings.Format == "table" ? new Table(context.Width, settings.Wide) : null;
        if (columns is not null)
        {
            output.Write(CsvLine(columns.Names, context.StdoutIsTerminal));
        }
        else if (table is not null)
        {
            output.WriteLine(table.Header);
        }

        var order = settings.SortByTime ? new TimeOrder() : null;

        // NDJSON in input order to a pipe or file is the records' bytes as they are.
        using var lines = columns is null && table is null && order is null && !context.StdoutIsTerminal ? new Utf8Lines(output) : null;
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

            problems.Add(record);
            if (lines is not null)
            {
                lines.WriteLine(json.Utf8);
                continue;
            }

            string text;
            if (columns is not null)
            {
                columns.Fill(evt, json, cells, row);
                text = CsvLine(row, context.StdoutIsTerminal);
            }
            else if (table is not null)
            {
                text = table.Row(evt, json.Vault) + "\n";
            }
            else
            {
                string line = Encoding.UTF8.GetString(json.Utf8);
                text = (context.StdoutIsTerminal ? TerminalText.Escape(line) : line) + "\n";
            }

            if (order is null)
            {
                output.Write(text);
                continue;
            }

            // Past its limit this throws: the run ends with that error, and --output writes nothing.
            order.Add(TimeOrder.Key(evt), text);
        }

        lines?.Flush();
        order?.WriteTo(output);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        rejects?.Commit();
        problems.Commit();
        return input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    internal static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string CsvLine(IReadOnlyList<string> cells, bool escapeControls)
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
        return line.Append("\r\n").ToString();
    }
}
