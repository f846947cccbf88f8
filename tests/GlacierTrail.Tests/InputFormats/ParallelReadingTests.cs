using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// <see cref="CloudTrailReaderOptions.MaxParallelFiles"/>: files read concurrently still give the
/// events and errors of a sequential read, in the same order; cancellation stops the read.
/// </summary>
public sealed class ParallelReadingTests : IDisposable
{
    private const int FileCount = 20;
    private readonly string _root = TestLogs.TempFolder();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Files of a few records, and files whose events cross to the consumer in several batches.
    [Theory]
    [InlineData(3, 4)]
    [InlineData(300, 2)]
    [InlineData(1000, 3)]
    public async Task Several_files_at_a_time_give_the_same_events_as_one_at_a_time(int recordsPerFile, int maxParallelFiles)
    {
        var expected = WriteFolder(recordsPerFile, damaged: false);

        var sequential = await TestLogs.ReadFileAsync(_root, new CloudTrailReaderOptions { MaxParallelFiles = 1 });
        var parallel = await TestLogs.ReadFileAsync(_root, new CloudTrailReaderOptions { MaxParallelFiles = maxParallelFiles });

        Assert.Equal(expected, sequential.Select(e => e.EventId));
        Assert.Equal(expected, parallel.Select(e => e.EventId));
        Assert.Equal(sequential.Select(e => e.ToJson()), parallel.Select(e => e.ToJson()));
    }

    [Fact]
    public async Task With_skip_errors_arrive_between_the_same_events_in_parallel_as_in_sequence()
    {
        WriteFolder(recordsPerFile: 3, damaged: true);

        var sequential = await TraceAsync(maxParallelFiles: 1);
        var parallel = await TraceAsync(maxParallelFiles: 4);

        Assert.Equal(3, sequential.Count(t => t.StartsWith("error ", StringComparison.Ordinal)));
        Assert.Equal(sequential, parallel);
        int firstError = sequential.FindIndex(t => t.StartsWith("error ", StringComparison.Ordinal));
        Assert.StartsWith("error part-03.json.gz#1", sequential[firstError], StringComparison.Ordinal);
        Assert.Contains(sequential, t => t.StartsWith("error part-08.json#2", StringComparison.Ordinal));
        Assert.Contains(sequential, t => t.StartsWith("error part-15.json.gz#0", StringComparison.Ordinal) && t.Contains("found a number", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task With_throw_the_first_error_surfaces_after_exactly_the_events_before_it(int maxParallelFiles)
    {
        WriteFolder(recordsPerFile: 3, damaged: true);
        var trace = await TraceAsync(maxParallelFiles: 1);
        int firstError = trace.FindIndex(t => t.StartsWith("error ", StringComparison.Ordinal));

        var (events, error) = await TestLogs.ReadUntilErrorAsync(
            GlacierTrailEvents.ReadFileAsync(_root, new CloudTrailReaderOptions { Strict = true, MaxParallelFiles = maxParallelFiles }));

        Assert.Equal(10, firstError);
        Assert.Equal(trace.Take(firstError), events.Select(e => "event " + e.EventId));
        Assert.NotNull(error);
        Assert.Equal(trace[firstError], Describe(error));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Cancelling_after_the_first_event_ends_the_read_with_OperationCanceledException(int maxParallelFiles)
    {
        WriteFolder(recordsPerFile: 40, damaged: false);
        using var cts = new CancellationTokenSource();
        int delivered = 0;

        var read = Task.Run(async () =>
        {
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(_root, new CloudTrailReaderOptions { MaxParallelFiles = maxParallelFiles }, cts.Token))
            {
                delivered++;
                await cts.CancelAsync();
            }
        });

        // Generous bound: only a hang fails here, never a slow machine.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(1, delivered);
    }

    [Fact]
    public void Files_are_read_on_every_core_by_default() =>
        Assert.Equal(Environment.ProcessorCount, new CloudTrailReaderOptions().MaxParallelFiles);

    // Cancelled at several points, the read delivers exactly the first events of a sequential
    // read, with the errors between them, and nothing after the cancellation.
    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(37)]
    public async Task Cancelling_part_way_delivers_a_prefix_of_the_sequential_trace(int cancelAfter)
    {
        WriteFolder(recordsPerFile: 3, damaged: true);
        var sequential = await TraceAsync(maxParallelFiles: 1);
        using var cts = new CancellationTokenSource();
        var trace = new List<string>();
        int delivered = 0;
        var options = new CloudTrailReaderOptions
        {
            Strict = true,
            MaxParallelFiles = 4,
            ErrorHandling = CloudTrailErrorHandling.Skip,
            OnError = error => trace.Add(Describe(error)),
        };

        var read = Task.Run(async () =>
        {
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(_root, options, cts.Token))
            {
                trace.Add("event " + evt.EventId);
                if (++delivered == cancelAfter)
                {
                    await cts.CancelAsync();
                }
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(cancelAfter, delivered);
        Assert.Equal(sequential.Take(trace.Count), trace);
        Assert.Equal("event", trace[^1].Split(' ')[0]);
    }

    [Fact]
    public async Task Notices_of_files_read_in_parallel_arrive_in_path_order_between_the_same_events()
    {
        WriteFolder(recordsPerFile: 3, damaged: false);
        File.WriteAllText(Path.Combine(_root, "part-04.5.json"), string.Empty);
        File.WriteAllText(Path.Combine(_root, "part-09.5.json"), "not a log");
        // Records, a control message skipped with a notice, then more records.
        File.Copy(InputSamples.PathOf("firehose-object.gz"), Path.Combine(_root, "part-12.5.json.gz"));

        async Task<List<string>> Trace(int maxParallelFiles)
        {
            var trace = new List<string>();
            var options = new CloudTrailReaderOptions { MaxParallelFiles = maxParallelFiles, OnNotice = notice => trace.Add("notice " + Path.GetFileName(notice)) };
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(_root, options))
            {
                trace.Add($"event {evt.EventId} #{evt.RecordIndex}");
            }

            return trace;
        }

        var sequential = await Trace(1);
        Assert.Equal(3, sequential.Count(t => t.StartsWith("notice ", StringComparison.Ordinal)));
        Assert.Equal(sequential, await Trace(4));
    }

    // One gzip source is inflated ahead on another core (MaxParallelFiles above 1): the events,
    // and the error where the compressed data is damaged, are those of a read on one core.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gzip_file_inflated_ahead_gives_the_trace_of_a_read_on_one_core(bool damaged)
    {
        WriteFolder(recordsPerFile: 1000, damaged: false);
        byte[] gzip = File.ReadAllBytes(Path.Combine(_root, "part-01.json.gz"));
        if (damaged)
        {
            // Garbled deflate data in the middle: several chunks are read ahead before it.
            gzip.AsSpan(gzip.Length / 2, 64).Fill(0xA5);
        }

        string file = Path.Combine(_root, "alone.json.gz");
        File.WriteAllBytes(file, gzip);

        async Task<List<string>> Trace(int maxParallelFiles, bool asStream)
        {
            var trace = new List<string>();
            var options = new CloudTrailReaderOptions
            {
                MaxParallelFiles = maxParallelFiles,
                ErrorHandling = CloudTrailErrorHandling.Skip,
                OnError = error => trace.Add(Describe(error)),
            };
            var events = asStream
                ? GlacierTrailEvents.ReadAsync(new MemoryStream(gzip, writable: false), options, file)
                : GlacierTrailEvents.ReadFileAsync(file, options);
            await foreach (var evt in events)
            {
                trace.Add($"event {evt.EventId} #{evt.RecordIndex}");
            }

            return trace;
        }

        var oneCore = await Trace(1, asStream: false);
        Assert.Equal(damaged, oneCore.Any(t => t.StartsWith("error ", StringComparison.Ordinal)));
        Assert.True(oneCore.Count(t => t.StartsWith("event ", StringComparison.Ordinal)) > (damaged ? 100 : 999));
        Assert.Equal(oneCore, await Trace(2, asStream: false));
        Assert.Equal(oneCore, await Trace(2, asStream: true));
    }

    /// <summary>Events and errors of a read with <see cref="CloudTrailErrorHandling.Skip"/>, in the order they arrived.</summary>
    private async Task<List<string>> TraceAsync(int maxParallelFiles)
    {
        var trace = new List<string>();
        // Strict, so the record with a number for vaultName fails as the damage among the files.
        var options = new CloudTrailReaderOptions
        {
            Strict = true,
            MaxParallelFiles = maxParallelFiles,
            ErrorHandling = CloudTrailErrorHandling.Skip,
            OnError = error => trace.Add(Describe(error)),
        };
        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(_root, options))
        {
            trace.Add("event " + evt.EventId);
        }

        return trace;
    }

    private static string Describe(CloudTrailReadException error) =>
        $"error {Path.GetFileName(error.Source)}#{error.RecordIndex}@{error.ByteOffset}: {error.Detail}";

    /// <summary>
    /// Twenty log files (gzip and plain, alternately) of the sample log's records with fresh
    /// eventIDs; returns the eventIDs in path order. Damaged: record 1 of part-03 has a number
    /// for vaultName, part-08 is cut inside its last record, and record 0 of part-15 is a number.
    /// </summary>
    private List<string> WriteFolder(int recordsPerFile, bool damaged)
    {
        var samples = InputSamples.LogRecords();
        var ids = new List<string>();
        for (int file = 0; file < FileCount; file++)
        {
            var records = new JsonArray();
            for (int i = 0; i < recordsPerFile; i++)
            {
                var record = JsonNode.Parse(samples[((file * recordsPerFile) + i) % samples.Count].GetRawText())!.AsObject();
                string id = $"00000000-0000-4000-8000-{file:D6}{i:D6}";
                record["eventID"] = id;
                ids.Add(id);
                records.Add(record);
            }

            if (damaged && file == 3)
            {
                var glacier = JsonNode.Parse(samples[0].GetRawText())!.AsObject();
                glacier["eventID"] = "bad-vault-name";
                glacier["requestParameters"]!["vaultName"] = 5;
                records[1] = glacier;
            }

            if (damaged && file == 15)
            {
                records[0] = 42;
            }

            byte[] log = RecordBuilder.Log(records.Select(r => r!.ToJsonString()));
            if (damaged && file == 8)
            {
                log = log[..^40];
            }

            string name = $"part-{file:D2}.json" + (file % 2 == 1 ? ".gz" : string.Empty);
            File.WriteAllBytes(Path.Combine(_root, name), file % 2 == 1 ? TestLogs.Gzip(log) : log);
        }

        return ids;
    }
}
