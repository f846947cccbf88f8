using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>
/// A folder's files read several at once give what a read of one file after another gives: the
/// same events with the same file and record index, the same errors and notes on stderr, the
/// same counts; and records of other services, passed over unparsed, still count as read and in
/// record indices.
/// </summary>
public sealed class ParallelInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glaciertrail-parallel-" + Guid.NewGuid().ToString("N"));

    public ParallelInputTests()
    {
        // The sample trail (logs, a digest, a README), with damaged logs among its files.
        foreach (string file in Directory.GetFiles(CliRunner.Logs, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_root, Path.GetRelativePath(CliRunner.Logs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string day = Path.GetDirectoryName(Directory.GetFiles(_root, "*_CloudTrail_*.json.gz", SearchOption.AllDirectories)[0])!;
        File.Copy(CliRunner.Data("broken/broken.json"), Path.Combine(_root, "AWSLogs", "0-broken.json"));
        File.Copy(CliRunner.Data("broken/broken.json"), Path.Combine(day, "123456789012_CloudTrail_eu-central-1_20250424T1832Z_broken.json"));
        File.Copy(CliRunner.Data("broken/broken.json"), Path.Combine(_root, "z-broken.json"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task A_folder_read_in_parallel_gives_the_events_errors_notes_and_counts_of_a_sequential_read(int maxParallelFiles)
    {
        var sequential = await ReadAsync(1);
        var parallel = await ReadAsync(maxParallelFiles);

        Assert.Contains("error: ", sequential.Stderr, StringComparison.Ordinal);
        Assert.Contains("note: ", sequential.Stderr, StringComparison.Ordinal);
        Assert.True(sequential.Counts.Errors >= 3);
        Assert.NotEmpty(sequential.Events);
        Assert.Equal(sequential.Events, parallel.Events);
        Assert.Equal(sequential.Stderr, parallel.Stderr);
        Assert.Equal(sequential.Counts, parallel.Counts);
    }

    [Fact]
    public async Task Events_keep_their_record_index_past_records_of_other_services_which_still_count_as_read()
    {
        var read = await ReadAsync(2);

        // The 18:30 log holds Glacier records at 0, 1, 3 and 4 and an S3 record at 2.
        var indices = read.Events.Where(e => e.Contains("_20250424T1830Z_", StringComparison.Ordinal)).Select(e => e.Split(' ')[1]);
        Assert.Equal(["record#0", "record#1", "record#3", "record#4"], indices);

        var all = await CliRunner.RunAsync("summary", "--all", _root);
        var glacier = await CliRunner.RunAsync("summary", _root);
        string RecordsRead(string text) => text.Split('\n').Single(l => l.StartsWith("records read:", StringComparison.Ordinal));
        Assert.Equal(RecordsRead(all.Out), RecordsRead(glacier.Out));
    }

    private async Task<Reading> ReadAsync(int maxParallelFiles)
    {
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(TextWriter.Null, stderr, StdoutIsTerminal: false, StderrIsTerminal: false);
        var input = new LogInput([_root], context, strict: false, new EventFilter()) { MaxParallelFiles = maxParallelFiles };
        var events = new List<string>();
        await foreach (var record in input.ReadAsync(CancellationToken.None))
        {
            events.Add($"{Path.GetRelativePath(_root, record.Source)} record#{record.RecordIndex} {record.Event.EventId}");
        }

        return new Reading(events, stderr.ToString(), (input.Files, input.Records, input.Errors, input.Bytes));
    }

    private sealed record Reading(List<string> Events, string Stderr, (long Files, long Records, long Errors, long Bytes) Counts);
}
