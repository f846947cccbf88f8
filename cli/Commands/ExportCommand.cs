using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Events;
using GlacierTrail.Parquet;

namespace GlacierTrail.Cli.Commands;

/// <summary>
/// <c>glaciertrail export</c>: the events, filtered as <c>events</c> filters them, as a
/// Hive-partitioned Parquet dataset; or, with <c>--ddl athena</c>, Athena's DDL for it.
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, EventFilter filter, string output, long fileBytes, CancellationToken cancellationToken)
    {
        var input = CommandInput.Open(context, paths);
        var options = new ParquetExportOptions
        {
            TargetFileBytes = fileBytes,

            // Named after the inputs: a re-run over the same inputs replaces its files.
            RunId = ParquetExportOptions.RunIdFor(FullPaths(paths)),
        };
        using var json = filter.NeedsJson ? new RecordJson() : null;
        ParquetExportResult result;
        await using (var dataset = new ParquetDatasetWriter(output, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            await foreach (var record in input.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var evt = record.Event;
                if (!filter.MatchesSource(evt))
                {
                    continue;
                }

                json?.Load(evt);
                if (!filter.Matches(evt, json))
                {
                    continue;
                }

                await dataset.WriteAsync(evt, cancellationToken).ConfigureAwait(false);
            }

            result = await dataset.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var stdout = context.Stdout;
        var tables = new List<string>(result.Rows.Keys);
        tables.Sort(StringComparer.Ordinal);
        foreach (string table in tables)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}\t{result.Rows[table]} rows"));
        }

        string where = context.StdoutIsTerminal ? TerminalText.Escape(Path.GetFullPath(output)) : Path.GetFullPath(output);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Files.Count} files, {result.RowGroups} row groups in {where}"));
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return input.Errors > 0 ? Cli.DataProblem : Cli.Ok;
    }

    public static async Task<int> PrintDdlAsync(CliContext context, string location, CancellationToken cancellationToken)
    {
        string ddl;
        try
        {
            ddl = AthenaDdl.Create(GlacierTrailEvents.ExportTables, location);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        await context.Stdout.WriteAsync(ddl.AsMemory(), cancellationToken).ConfigureAwait(false);
        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Cli.Ok;
    }

    private static IEnumerable<string> FullPaths(IReadOnlyList<string> paths)
    {
        foreach (string path in paths)
        {
            yield return Path.GetFullPath(path);
        }
    }
}
