using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Parquet.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>The writer streams: row groups at their bound, files rolled at their size, re-runs replacing their files.</summary>
public sealed class StreamingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glaciertrail-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Row_groups_are_flushed_at_their_bound()
    {
        var events = Events(25, day: 1);
        var options = new ParquetExportOptions { RowGroupRows = 10, RunId = "rg" };
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, options))
        {
            for (int i = 0; i < events.Length; i++)
            {
                await writer.WriteAsync(events[i]);

                // The 10th row of a table completes its row group: it is in a file (still being
                // written, under a temporary name) before the export ends.
                if (i == 9)
                {
                    Assert.Equal(2, Directory.GetFiles(_root, "*.parquet.tmp", SearchOption.AllDirectories).Length);
                }
            }

            var result = await writer.CompleteAsync();
            Assert.Equal(6, result.RowGroups);
        }

        using var db = new DuckDb();
        var groups = db.Query($"SELECT row_group_num_rows AS n FROM parquet_metadata('{_root}/cloudtrail/**/*.parquet') GROUP BY row_group_id, row_group_num_rows ORDER BY row_group_id")
            .Select(r => (long)r["n"]!).ToArray();
        Assert.Equal(new long[] { 10, 10, 5 }, groups);
    }

    [Fact]
    public async Task Buffers_together_stay_under_their_bound()
    {
        // Thirty days, one partition each: with a small shared bound, the largest buffer is
        // written out long before any row group is full.
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 64 * 1024, MaxOpenFiles = 4, RunId = "mem" };
        int written = 0;
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, options))
        {
            for (int day = 1; day <= 30; day++)
            {
                foreach (var evt in Events(20, day))
                {
                    await writer.WriteAsync(evt);
                    written++;
                }
            }

            var result = await writer.CompleteAsync();
            Assert.True(result.RowGroups > 60, $"{result.RowGroups} row groups");
            Assert.Equal(written, result.Rows["cloudtrail"]);
        }

        using var db = new DuckDb();
        Assert.Equal((long)written, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        Assert.Equal(30L, db.Scalar($"SELECT count(DISTINCT date) FROM {DuckDb.Table(_root, "cloudtrail")}"));
    }

    [Fact]
    public async Task Partitions_set_aside_under_the_bound_come_back_without_losing_or_overwriting_rows()
    {
        // Rows of ten days in turn, so every partition gets rows again after its file was closed
        // (two open files at most) and its buffers were given back (a bound of a few rows).
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 16 * 1024, MaxOpenFiles = 2, RunId = "aside" };
        var days = Enumerable.Range(1, 10).Select(day => Events(12, day)).ToArray();
        int written = 0;
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, options))
        {
            for (int i = 0; i < 12; i++)
            {
                foreach (var events in days)
                {
                    await writer.WriteAsync(events[i]);
                    written++;
                }
            }

            var result = await writer.CompleteAsync();
            Assert.Equal(written, result.Rows["cloudtrail"]);
            Assert.True(result.Files.Count > 20, $"{result.Files.Count} files");
            Assert.Equal(result.Files.Count, result.Files.Distinct().Count());
        }

        using var db = new DuckDb();
        Assert.Equal((long)written, db.Scalar($"SELECT count(DISTINCT eventid) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        Assert.Equal((long)written, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "createvault")}"));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Files_roll_at_the_target_size()
    {
        var options = new ParquetExportOptions { RowGroupRows = 5, TargetFileBytes = 1, RunId = "roll" };
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, options))
        {
            foreach (var evt in Events(12, day: 1))
            {
                await writer.WriteAsync(evt);
            }

            await writer.CompleteAsync();
        }

        var files = Directory.GetFiles(Path.Combine(_root, "cloudtrail"), "*.parquet", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "part-roll-00000.parquet", "part-roll-00001.parquet", "part-roll-00002.parquet" }, files);
    }

    [Fact]
    public async Task A_rerun_with_the_same_run_id_replaces_its_files()
    {
        for (int run = 0; run < 2; run++)
        {
            var options = new ParquetExportOptions { RowGroupRows = 4, TargetFileBytes = 1, RunId = "same" };
            await using var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, options);
            foreach (var evt in Events(run == 0 ? 12 : 6, day: 1))
            {
                await writer.WriteAsync(evt);
            }

            await writer.CompleteAsync();
        }

        using var db = new DuckDb();
        Assert.Equal(6L, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        Assert.Equal(6L, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "createvault")}"));
    }

    [Fact]
    public async Task Run_ids_follow_the_inputs()
    {
        Assert.Equal(ParquetExportOptions.RunIdFor(["/logs/a", "/logs/b"]), ParquetExportOptions.RunIdFor(["/logs/a", "/logs/b"]));
        Assert.NotEqual(ParquetExportOptions.RunIdFor(["/logs/a", "/logs/b"]), ParquetExportOptions.RunIdFor(["/logs/a"]));
        Assert.Matches("^[0-9a-f]{16}$", ParquetExportOptions.RunIdFor(["/logs/a"]));
        await Assert.ThrowsAsync<ArgumentException>(async () => await new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, new ParquetExportOptions { RunId = "../x" }).DisposeAsync());
    }

    [Fact]
    public async Task Hostile_partition_values_stay_inside_the_dataset()
    {
        string record = """{"eventVersion":"1.11","eventTime":"2025-06-01T00:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"ListVaults","awsRegion":"../../etc","recipientAccountId":"a/b\\c"}""";
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.ExportTables, new ParquetExportOptions { RunId = "h" }))
        {
            await writer.WriteAsync(GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(record)));
            await writer.CompleteAsync();
        }

        string file = Directory.GetFiles(_root, "*.parquet", SearchOption.AllDirectories).First(f => f.Contains("cloudtrail", StringComparison.Ordinal));
        Assert.Contains(Path.Combine("account=a%2Fb%5Cc", "region=%2E%2E%2F%2E%2E%2Fetc", "date=2025-06-01"), file, StringComparison.Ordinal);
    }

    // CreateVault events on one day of May 2025, one account and region.
    private static CloudTrailEvent[] Events(int count, int day) => Enumerable.Range(0, count)
        .Select(i => GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(
            $$$"""{"eventVersion":"1.11","eventTime":"2025-05-{{{day:00}}}T10:{{{i / 60:00}}}:{{{i % 60:00}}}Z","eventSource":"glacier.amazonaws.com","eventName":"CreateVault","awsRegion":"us-east-1","recipientAccountId":"111122223333","eventID":"e-{{{day}}}-{{{i}}}","requestParameters":{"accountId":"-","vaultName":"vault-{{{i}}}"}}""")))
        .ToArray();
}
