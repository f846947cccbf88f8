using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Parquet.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>
/// docs/export.md shows DuckDB queries as text (the DuckDB CLI is not a dependency): every one of
/// them runs here, as written, against an export of the sample logs at the path the page uses.
/// </summary>
public sealed partial class DocsQueryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glaciertrail-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Every_DuckDB_query_of_the_export_page_runs()
    {
        string repository = NativeBinaryFactAttribute.RepositoryRoot();
        var queries = Queries(await File.ReadAllTextAsync(Path.Combine(repository, "docs", "export.md")));
        Assert.True(queries.Count >= 4, $"{queries.Count} DuckDB queries found");

        // As `glaciertrail export samples/logs` does: the Glacier events.
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables))
        {
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(Path.Combine(repository, "samples", "logs")))
            {
                if (evt.EventSource == "glacier.amazonaws.com")
                {
                    await writer.WriteAsync(evt);
                }
            }

            await writer.CompleteAsync();
        }

        using var db = new DuckDb();
        for (int i = 0; i < queries.Count; i++)
        {
            string sql = queries[i].Replace("'artifacts/export/", "'" + _root + "/", StringComparison.Ordinal);
            var rows = db.Query(sql);
            if (!sql.Contains("HAVING", StringComparison.Ordinal))
            {
                Assert.True(rows.Count > 0, $"query {i + 1} returned no rows:\n{queries[i]}");
            }
        }
    }

    // The statements of every ```text block that starts with "-- DuckDB".
    private static List<string> Queries(string markdown)
    {
        var queries = new List<string>();
        foreach (Match block in TextBlock().Matches(markdown))
        {
            string body = block.Groups[1].Value;
            if (!body.StartsWith("-- DuckDB", StringComparison.Ordinal))
            {
                continue;
            }

            queries.AddRange(body.Split(';').Select(s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim()).Where(s => s.Length > 0));
        }

        return queries;
    }

    [GeneratedRegex("```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}
