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
        var options = new ParquetExportOptions { RowGroupRows = 10, RunId = "rg" };
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            foreach (var evt in Events(25, day: 1))
            {
                await writer.WriteAsync(evt);
            }

            var result = await writer.CompleteAsync();
            Assert.Equal(6, result.RowGroups);
            Assert.Equal(0, result.SpilledBytes);
        }

        using var db = new DuckDb();
        var groups = db.Query($"SELECT row_group_num_rows AS n FROM parquet_metadata('{_root}/cloudtrail/**/*.parquet') GROUP BY row_group_id, row_group_num_rows ORDER BY row_group_id")
            .Select(r => (long)r["n"]!).ToArray();
        Assert.Equal(new long[] { 10, 10, 5 }, groups);
    }

    [Fact]
    public async Task Events_in_order_are_written_as_they_come()
    {
        // Thirty days in turn, with a bound of a few days' records: each day is written out as
        // the bound is reached, long before the export completes.
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 64 * 1024, MaxParallelism = 2, RunId = "order" };
        int written = 0;
        bool writtenEarly = false;
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            for (int day = 1; day <= 30; day++)
            {
                foreach (var evt in Events(40, day))
                {
                    await writer.WriteAsync(evt);
                    written++;
                }

                writtenEarly |= day < 30 && Directory.Exists(_root) && Directory.GetFiles(_root, "*.parquet*", SearchOption.AllDirectories).Length > 0;
            }

            var result = await writer.CompleteAsync();
            Assert.True(writtenEarly, "no file was written before the export completed");
            Assert.Equal(written, result.Rows["cloudtrail"]);

            // At most the day in memory when a bound was reached is set down, not the whole input.
            Assert.True(result.SpilledBytes < written * 400L / 4, $"{result.SpilledBytes} bytes spilled");
        }

        using var db = new DuckDb();
        Assert.Equal((long)written, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        Assert.Equal(30L, db.Scalar($"SELECT count(DISTINCT date) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        Assert.Empty(Directory.GetFiles(_root, ".glaciertrail-spill-*"));
    }

    [Fact]
    public async Task A_day_that_seemed_done_and_gets_events_again_continues_in_its_next_file()
    {
        // Ten days in order, then more of the first: the first day's files were completed once
        // a half of the bound passed without it, so its late events go to a new file beside
        // them, overwriting nothing.
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 64 * 1024, MaxParallelism = 2, RunId = "late" };
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            for (int day = 0; day < 10; day++)
            {
                foreach (var evt in Events(40, day))
                {
                    await writer.WriteAsync(evt);
                }
            }

            foreach (int i in Enumerable.Range(40, 40))
            {
                await writer.WriteAsync(Event("CreateVault", i, day: 0));
            }

            var result = await writer.CompleteAsync();
            Assert.Equal(440, result.Rows["cloudtrail"]);
        }

        string firstDay = Directory.GetDirectories(Path.Combine(_root, "cloudtrail"), "date=2025-05-01", SearchOption.AllDirectories).Single();
        Assert.Equal(new[] { "part-late-00000.parquet", "part-late-00001.parquet" }, Directory.GetFiles(firstDay).Select(Path.GetFileName).Order().ToArray());
        using var db = new DuckDb();
        Assert.Equal(80L, db.Scalar($"SELECT count(DISTINCT eventid) FROM {DuckDb.Table(_root, "cloudtrail")} WHERE date = '2025-05-01'"));
        Assert.Equal(440L, db.Scalar($"SELECT count(DISTINCT eventid) FROM {DuckDb.Table(_root, "createvault")}"));
    }

    [Fact]
    public async Task Events_in_no_order_are_gathered_into_one_file_per_table_and_partition_in_the_order_they_came()
    {
        // Forty days interleaved, a row of each in turn, over a bound that no day fills a
        // sixteenth of: the records are set down on disk and gathered by partition, and each
        // day's table is one file of one row group, not a row group per bound.
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 256 * 1024, MaxParallelism = 2, RunId = "mixed" };
        var days = Enumerable.Range(0, 40).Select(day => Events(24, day)).ToArray();
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            for (int i = 0; i < 24; i++)
            {
                foreach (var events in days)
                {
                    await writer.WriteAsync(events[i]);
                }
            }

            var result = await writer.CompleteAsync();
            Assert.True(result.SpilledBytes > 0);
            Assert.Equal(960, result.Rows["cloudtrail"]);
            Assert.Equal(80, result.Files.Count);
            Assert.Equal(80, result.RowGroups);
        }

        using var db = new DuckDb();
        Assert.Empty(Directory.GetFiles(_root, ".glaciertrail-spill-*"));
        foreach (string file in Directory.GetFiles(Path.Combine(_root, "cloudtrail"), "*.parquet", SearchOption.AllDirectories))
        {
            var ids = db.Query($"SELECT eventid FROM read_parquet('{file}', file_row_number = true) ORDER BY file_row_number").Select(r => (string)r["eventid"]!).ToArray();
            string day = ids[0].Split('-')[1];
            Assert.Equal(Enumerable.Range(0, 24).Select(i => $"e-{day}-{i}"), ids);
        }
    }

    [Fact]
    public async Task Partitions_set_aside_under_the_bound_come_back_without_losing_or_overwriting_rows()
    {
        // One day of four event types in turn: over a bound of a few rows the row buffers are
        // written out and given back, and with two open files at most a table's file is
        // completed and its partition set aside, to get rows again in its next file.
        var options = new ParquetExportOptions { RowGroupRows = 1_000_000, MaxBufferedBytes = 16 * 1024, MaxOpenFiles = 2, MaxParallelism = 1, RunId = "aside" };
        string[] names = ["CreateVault", "DeleteVault", "DescribeVault", "ListTagsForVault"];
        var events = Enumerable.Range(0, 120).Select(i => Event(names[i % names.Length], i, day: 1)).ToArray();
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
        {
            foreach (var evt in events)
            {
                await writer.WriteAsync(evt);
            }

            var result = await writer.CompleteAsync();
            Assert.Equal(events.Length, result.Rows["cloudtrail"]);
            Assert.True(result.Files.Count > 5, $"{result.Files.Count} files");
            Assert.Equal(result.Files.Count, result.Files.Distinct().Count());
        }

        using var db = new DuckDb();
        Assert.Equal((long)events.Length, db.Scalar($"SELECT count(DISTINCT eventid) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        foreach (string name in names)
        {
            Assert.Equal(30L, db.Scalar($"SELECT count(DISTINCT eventid) FROM {DuckDb.Table(_root, name.ToLowerInvariant())}"));
        }

        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_row_that_fails_while_partitions_are_written_in_parallel_fails_the_export_and_leaves_no_files_behind()
    {
        // A CreateVault table whose requestParameters cannot be read for one event, on one of
        // twelve days written by two workers at the end: that failure is what the export
        // reports, and nothing half-written stays.
        var createVault = GlacierTrailEvents.ExportTables.Single(t => t.Key.EventName == "CreateVault");
        var failing = new GlacierTrail.Export.ExportTable(
            createVault.Key,
            createVault.Name,
            createVault.RequestParameters,
            evt => evt.EventId == "e-7-3" ? throw new InvalidDataException("unreadable payload") : ((CreateVaultEvent)evt).RequestParameters,
            null,
            null);
        var options = new ParquetExportOptions { MaxParallelism = 2, RunId = "fail" };
        var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, [failing], options);
        await using (writer)
        {
            for (int i = 0; i < 6; i++)
            {
                for (int day = 0; day < 12; day++)
                {
                    await writer.WriteAsync(Event("CreateVault", i, day));
                }
            }

            var failure = await Assert.ThrowsAsync<InvalidDataException>(() => writer.CompleteAsync());
            Assert.Equal("unreadable payload", failure.Message);
        }

        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(_root, ".glaciertrail-spill-*"));
    }

    [Fact]
    public async Task Files_roll_at_the_target_size()
    {
        var options = new ParquetExportOptions { RowGroupRows = 5, TargetFileBytes = 1, RunId = "roll" };
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options))
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
            await using var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, options);
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
        await Assert.ThrowsAsync<ArgumentException>(async () => await new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, new ParquetExportOptions { RunId = "../x" }).DisposeAsync());
    }

    [Fact]
    public async Task Hostile_partition_values_stay_inside_the_dataset()
    {
        string record = """{"eventVersion":"1.11","eventTime":"2025-06-01T00:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"ListVaults","awsRegion":"../../etc","recipientAccountId":"a/b\\c"}""";
        await using (var writer = new ParquetDatasetWriter(_root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, new ParquetExportOptions { RunId = "h" }))
        {
            await writer.WriteAsync(GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(record)));
            await writer.CompleteAsync();
        }

        string file = Directory.GetFiles(_root, "*.parquet", SearchOption.AllDirectories).First(f => f.Contains("cloudtrail", StringComparison.Ordinal));
        Assert.Contains(Path.Combine("account=a%2Fb%5Cc", "region=%2E%2E%2F%2E%2E%2Fetc", "date=2025-06-01"), file, StringComparison.Ordinal);
    }

    // CreateVault events on one day (from 2025-05-01, day 0 included), one account and region.
    private static CloudTrailEvent[] Events(int count, int day) => Enumerable.Range(0, count).Select(i => Event("CreateVault", i, day)).ToArray();

    // An event of a vault operation (requestParameters of accountId and vaultName) on a day counted from 2025-05-01.
    private static CloudTrailEvent Event(string name, int i, int day) => GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(
        $$$"""{"eventVersion":"1.11","eventTime":"{{{new DateOnly(2025, 5, 1).AddDays(day):yyyy-MM-dd}}}T10:{{{i / 60:00}}}:{{{i % 60:00}}}Z","eventSource":"glacier.amazonaws.com","eventName":"{{{name}}}","awsRegion":"us-east-1","recipientAccountId":"111122223333","eventID":"e-{{{day}}}-{{{i}}}","requestParameters":{"accountId":"-","vaultName":"vault-{{{i}}}"}}"""));
}
