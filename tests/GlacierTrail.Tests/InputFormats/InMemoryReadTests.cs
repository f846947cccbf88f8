using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// Logs held in memory: <c>GlacierTrailEvents.Read(ReadOnlyMemory&lt;byte&gt;)</c> and
/// <c>ReadAsync</c> over a <see cref="MemoryStream"/> whose buffer is reachable give the same
/// events, errors (message, source, record index, byte offset) and notices, in the same order,
/// as <c>ReadAsync</c> over a stream that does not expose its bytes; records longer than the
/// in-memory reader's window are read whole; the enumeration parses no further than it is taken.
/// </summary>
public sealed class InMemoryReadTests
{
    private const string Source = "memory.json";

    public static TheoryData<string> Cases => ReadCases.AllNames();

    [Theory]
    [InlineData("cloudtrail-log.json", new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("cloudtrail-log.json.gz", new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("records.ndjson.gz", new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("records-array.json", new[] { 3, 4, 5 })]
    [InlineData("bare-record.json", new[] { 1 })]
    [InlineData("eventbridge-event.json", new[] { 0 })]
    [InlineData("eventbridge-events-array.json", new[] { 1, 3, 5 })]
    [InlineData("eventbridge-events.ndjson", new[] { 2, 6, 4 })]
    [InlineData("lookup-events.json", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("cloudwatch-lambda-event.json", new[] { 0, 1, 2, 3 })]
    [InlineData("cloudwatch-lambda-payload.json", new[] { 0, 1, 2, 3 })]
    [InlineData("firehose-object.gz", new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    public async Task Every_input_sample_read_from_memory_gives_its_records_as_a_stream_does(string sample, int[] positions)
    {
        byte[] bytes = InputSamples.Bytes(sample);

        var events = GlacierTrailEvents.Read(bytes).ToList();

        InputSamples.AssertLogRecords(events, positions);
        AssertSame(await ReadStreamAsync(NotExposable(bytes), null, sample), ReadMemory(bytes, null, sample));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Read_of_memory_gives_the_events_errors_and_notices_of_ReadAsync_over_a_stream(string name)
    {
        var test = ReadCases.Get(name);
        byte[] bytes = test.Bytes();

        var expected = await ReadStreamAsync(NotExposable(bytes), test.Options, Source);
        var actual = ReadMemory(bytes, test.Options, Source);

        AssertShape(test, expected);
        AssertSame(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task With_throw_Read_of_memory_stops_at_the_same_error_after_the_same_events_as_a_stream(string name)
    {
        var test = ReadCases.Get(name);
        byte[] bytes = test.Bytes();
        var options = Copy(test.Options, CloudTrailErrorHandling.Throw, [], []);

        var (streamEvents, streamError) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(NotExposable(bytes), options, Source));
        var memoryEvents = new List<CloudTrailEvent>();
        CloudTrailReadException? memoryError = null;
        try
        {
            foreach (var evt in GlacierTrailEvents.Read(bytes, options, Source))
            {
                memoryEvents.Add(evt);
            }
        }
        catch (CloudTrailReadException ex)
        {
            memoryError = ex;
        }

        Assert.Equal(test.Damaged, streamError is not null);
        AssertSame(streamEvents.Select(Line).ToList(), memoryEvents.Select(Line).ToList());
        Assert.Equal(streamError is null ? null : Line(streamError), memoryError is null ? null : Line(memoryError));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadAsync_over_an_exposable_memory_stream_gives_what_a_stream_that_hides_its_buffer_gives(string name)
    {
        var test = ReadCases.Get(name);
        byte[] bytes = test.Bytes();
        var exposable = new MemoryStream();
        exposable.Write(bytes);
        exposable.Position = 0;
        Assert.True(exposable.TryGetBuffer(out _));

        var expected = await ReadStreamAsync(NotExposable(bytes), test.Options, Source);
        var actual = await ReadStreamAsync(exposable, test.Options, Source);

        AssertSame(expected, actual);
        Assert.Equal(exposable.Length, exposable.Position);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_slice_in_the_middle_of_a_larger_array_reads_as_its_bytes_alone(string name)
    {
        var test = ReadCases.Get(name);
        byte[] bytes = test.Bytes();

        // What lies around the slice would change the result if any of it were read.
        byte[] before = "{\"Records\":[{\"eventVersion\":\"1.08\"}, garbage"u8.ToArray();
        byte[] after = ", {\"eventSource\": 5}] trailing {"u8.ToArray();
        byte[] whole = [.. before, .. bytes, .. after];
        var slice = whole.AsMemory(before.Length, bytes.Length);

        AssertSame(ReadMemory(bytes, test.Options, Source), ReadMemory(slice, test.Options, Source));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Memory_with_no_array_behind_it_reads_as_an_array_does(string name)
    {
        var test = ReadCases.Get(name);
        byte[] bytes = test.Bytes();
        using var native = new NativeMemory(bytes);
        var memory = native.Memory;
        Assert.False(MemoryMarshal.TryGetArray<byte>(memory, out _));

        AssertSame(ReadMemory(bytes, test.Options, Source), ReadMemory(memory, test.Options, Source));
    }

    [Theory]
    [InlineData("log", 1_000)]
    [InlineData("log", ReadCases.Window - 1_000)]
    [InlineData("log", ReadCases.Window - 1)]
    [InlineData("log", ReadCases.Window)]
    [InlineData("log", ReadCases.Window + 1)]
    [InlineData("log", (2 * ReadCases.Window) - 10)]
    [InlineData("ndjson", ReadCases.Window - 1_000)]
    [InlineData("array", ReadCases.Window - 1_000)]
    public async Task A_record_longer_than_the_window_is_read_whole_wherever_it_starts(string framing, int start)
    {
        var big = ReadCases.SampleRecords()[1];
        big["eventID"] = "big-record";
        big["userAgent"] = new string('u', 600_000);
        var (log, bigIndex) = LogWith(framing, start, big.ToJsonString(), after: 30);
        Assert.Equal((byte)'{', log[start]);
        Assert.Equal("{\"eventVersion\"", Encoding.UTF8.GetString(log, start, 15));

        var events = GlacierTrailEvents.Read(log).ToList();

        InputSamples.AssertDelivered(TestLogs.RecordsIn(log), events);
        var initiateJob = Assert.IsType<InitiateJobEvent>(events[bigIndex]);
        Assert.Equal("big-record", initiateJob.EventId);
        Assert.Equal(600_000, initiateJob.UserAgent!.Length);
        Assert.Equal("legal-hold-2021", initiateJob.RequestParameters!.VaultName);
        AssertSame(await ReadStreamAsync(NotExposable(log), null, Source), ReadMemory(log, null, Source));
    }

    [Fact]
    public async Task Big_requestParameters_across_the_window_are_read_whole_typed_or_not()
    {
        var records = ReadCases.SampleRecords();
        var kms = records[2].DeepClone().AsObject();
        var context = new JsonObject();
        for (int i = 0; i < 20_000; i++)
        {
            context[$"aws:tag/key-{i:D5}"] = $"value-{i}-{new string('v', 12)}";
        }

        kms["requestParameters"]!["encryptionContext"] = context;
        var glacier = records[1].DeepClone().AsObject();
        glacier["requestParameters"]!["archiveTags"] = new JsonArray(Enumerable.Range(0, 30_000).Select(i => (JsonNode)$"tag-{i:D6}").ToArray());
        byte[] log = TestLogs.LogOf([records[0], kms, records[3], glacier, records[4]]);
        var offsets = TestLogs.RecordOffsets(log);
        Assert.True(offsets[1] < ReadCases.Window && offsets[2] > ReadCases.Window);
        Assert.True(offsets[4] - offsets[3] > ReadCases.Window);

        var events = GlacierTrailEvents.Read(log).ToList();

        InputSamples.AssertDelivered(TestLogs.RecordsIn(log), events);
        Assert.Equal(("kms.amazonaws.com", "GenerateDataKey"), (events[1].EventSource, events[1].EventName));
        var initiateJob = Assert.IsType<InitiateJobEvent>(events[3]);
        Assert.Equal("legal-hold-2021", initiateJob.RequestParameters!.VaultName);
        var tags = Assert.Single(initiateJob.RequestParameters.ExtensionData!, p => p.Name == "archiveTags");
        Assert.Equal(30_000, tags.Value.ToJsonElement().GetArrayLength());
        AssertSame(await ReadStreamAsync(NotExposable(log), null, Source), ReadMemory(log, null, Source));
    }

    [Fact]
    public async Task Records_longer_than_the_window_one_after_another_are_read()
    {
        var records = ReadCases.ManyRecords(10);
        records[3]["userAgent"] = new string('a', 300_000);
        records[4]["userAgent"] = new string('b', 600_000);
        records[5]["userAgent"] = new string('c', 900_000);
        records[5]["requestParameters"]!["padding"] = new string('d', 400_000);
        byte[] log = RecordBuilder.Log(records.Select(r => r.ToJsonString()));

        var events = GlacierTrailEvents.Read(log).ToList();

        InputSamples.AssertDelivered(TestLogs.RecordsIn(log), events);
        Assert.Equal([300_000, 600_000, 900_000], events.Skip(3).Take(3).Select(e => e.UserAgent!.Length));
        AssertSame(await ReadStreamAsync(NotExposable(log), null, Source), ReadMemory(log, null, Source));
    }

    [Theory]
    [InlineData(ReadCases.Window - 1_000, 600_000, 100_000)]
    [InlineData(2_000, 600_000, 100_000)]
    [InlineData(ReadCases.Window - 1_000, 600_000, 500_000)]
    [InlineData(ReadCases.Window - 1_000, 200_000, 150_000)]
    [InlineData(2_000, 200_000, 150_000)]
    public async Task A_record_over_MaxRecordBytes_is_reported_as_for_a_stream_and_the_records_after_it_are_read(int start, int userAgent, int maxRecordBytes)
    {
        var big = ReadCases.SampleRecords()[1];
        big["userAgent"] = new string('u', userAgent);
        var (log, bigIndex) = LogWith("log", start, big.ToJsonString(), after: 30);
        var limit = new CloudTrailReaderOptions { MaxRecordBytes = maxRecordBytes };
        var errors = new List<CloudTrailReadException>();

        var events = GlacierTrailEvents.Read(log, Copy(limit, CloudTrailErrorHandling.Skip, errors, []), Source).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(Source, error.Source);
        Assert.Equal(bigIndex, error.RecordIndex);
        Assert.Equal(start, error.ByteOffset);
        Assert.Contains("MaxRecordBytes", error.Detail, StringComparison.Ordinal);
        var records = TestLogs.RecordsIn(log);
        records.RemoveAt(bigIndex);
        InputSamples.AssertDelivered(records, events);
        AssertSame(await ReadStreamAsync(NotExposable(log), limit, Source), ReadMemory(log, limit, Source));
    }

    [Fact]
    public async Task An_exposable_memory_stream_is_read_from_its_position_and_left_at_its_end()
    {
        var (log, badOffset) = TestLogs.WithBadVaultName();
        byte[] skipped = "{\"Records\":[{\"eventSource\": 5}, not read"u8.ToArray();
        var stream = new MemoryStream();
        stream.Write(skipped);
        stream.Write(log);
        stream.Position = skipped.Length;
        var hiding = new MemoryStream([.. skipped, .. log], writable: false) { Position = skipped.Length };

        var actual = await ReadStreamAsync(stream, TestLogs.Strict, Source);

        Assert.Equal(stream.Length, stream.Position);
        AssertSame(await ReadStreamAsync(hiding, TestLogs.Strict, Source), actual);
        AssertSame(ReadMemory(log, TestLogs.Strict, Source), actual);
        var error = Assert.Single(actual.Items, l => l.StartsWith("error", StringComparison.Ordinal));
        Assert.Contains($"| record 2 | byte {badOffset} |", error, StringComparison.Ordinal);
        Assert.Equal(4, actual.Events);
    }

    [Fact]
    public async Task A_publicly_visible_memory_stream_over_part_of_an_array_is_read_from_its_position_within_that_part()
    {
        var (log, badOffset) = TestLogs.WithBadVaultName();
        byte[] outside = "{\"Records\":[ outside the stream"u8.ToArray();
        byte[] skipped = "[{\"eventSource\": 5}]\n"u8.ToArray();
        byte[] after = ", {\"eventSource\": 6}]} also outside"u8.ToArray();
        byte[] array = [.. outside, .. skipped, .. log, .. after];
        var stream = new MemoryStream(array, outside.Length, skipped.Length + log.Length, writable: false, publiclyVisible: true)
        {
            Position = skipped.Length,
        };

        var actual = await ReadStreamAsync(stream, TestLogs.Strict, Source);

        Assert.Equal(stream.Length, stream.Position);
        AssertSame(ReadMemory(log, TestLogs.Strict, Source), actual);
        var hiding = new MemoryStream(array, outside.Length, skipped.Length + log.Length, writable: false) { Position = skipped.Length };
        AssertSame(await ReadStreamAsync(hiding, TestLogs.Strict, Source), actual);
        Assert.Contains($"| record 2 | byte {badOffset} |", Assert.Single(actual.Items, l => l.StartsWith("error", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exposable_memory_stream_gives_up_its_bytes_at_once_where_a_hiding_one_is_read_a_buffer_at_a_time()
    {
        // Observable only through Position while the first event is in hand: the fast path has
        // taken every byte before parsing, the stream path no more than a buffer's worth.
        byte[] log = RecordBuilder.Log(ReadCases.ManyRecords(2_000).Select(r => r.ToJsonString()));
        var exposable = new MemoryStream(log, 0, log.Length, writable: false, publiclyVisible: true);
        var hiding = new MemoryStream(log, writable: false);

        Assert.Equal(log.Length, await PositionAtTheFirstEventAsync(exposable));
        Assert.InRange(await PositionAtTheFirstEventAsync(hiding), 1, log.Length / 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public async Task An_exposable_memory_stream_holding_gzip_is_read(int position)
    {
        var (log, _) = TestLogs.WithBadVaultName();
        byte[] gzip = TestLogs.Gzip(log);
        var stream = new MemoryStream();
        stream.Write(new byte[position]);
        stream.Write(gzip);
        stream.Position = position;

        var actual = await ReadStreamAsync(stream, TestLogs.Strict, Source);

        AssertSame(ReadMemory(log, TestLogs.Strict, Source), actual);
        AssertSame(await ReadStreamAsync(NotExposable(gzip), TestLogs.Strict, Source), actual);
        Assert.Equal((4, 1), (actual.Events, actual.Errors));
    }

    [Fact]
    public async Task An_exposable_memory_stream_at_or_past_its_end_is_empty()
    {
        byte[] log = InputSamples.Bytes("cloudtrail-log.json");
        var atEnd = new MemoryStream();
        atEnd.Write(log);
        var pastEnd = new MemoryStream();
        pastEnd.Write(log);
        pastEnd.Position = log.Length + 10;

        AssertSame(new Transcript([], ["memory.json: empty; no records"]), await ReadStreamAsync(atEnd, null, Source));
        AssertSame(new Transcript([], ["memory.json: empty; no records"]), await ReadStreamAsync(pastEnd, null, Source));
    }

    [Fact]
    public async Task Empty_memory_gives_no_events_and_the_empty_notice()
    {
        var empties = new[] { ReadOnlyMemory<byte>.Empty, default, Array.Empty<byte>(), new byte[10].AsMemory(5, 0) };
        foreach (var empty in empties)
        {
            var notices = new List<string>();
            var errors = new List<CloudTrailReadException>();

            Assert.Empty(GlacierTrailEvents.Read(empty, new CloudTrailReaderOptions { OnNotice = notices.Add }));
            Assert.Empty(GlacierTrailEvents.Read(empty, Copy(null, CloudTrailErrorHandling.Skip, errors, notices), "empty.json"));

            Assert.Equal(["input: empty; no records", "empty.json: empty; no records"], notices);
            Assert.Empty(errors);
        }

        AssertSame(await ReadStreamAsync(NotExposable([]), null, "empty.json"), ReadMemory(ReadOnlyMemory<byte>.Empty, null, "empty.json"));
    }

    [Fact]
    public void With_throw_Read_of_memory_throws_on_the_first_bad_record_when_the_enumeration_reaches_it()
    {
        var (log, badOffset) = TestLogs.WithBadVaultName();

        var read = GlacierTrailEvents.Read(log, TestLogs.Strict, Source);
        var firstTwo = read.Take(2).ToList();
        var events = new List<CloudTrailEvent>();
        var error = Assert.Throws<CloudTrailReadException>(() =>
        {
            foreach (var evt in read)
            {
                events.Add(evt);
            }
        });

        Assert.Equal(["CreateVault", "DeleteVault"], firstTwo.Select(e => e.EventName));
        Assert.Equal(["CreateVault", "DeleteVault"], events.Select(e => e.EventName));
        Assert.Equal(Source, error.Source);
        Assert.Equal(2, error.RecordIndex);
        Assert.Equal(badOffset, error.ByteOffset);
        Assert.Contains("expected a string, found a number", error.Detail, StringComparison.Ordinal);
        Assert.Throws<CloudTrailReadException>(() => GlacierTrailEvents.Read(TestLogs.Gzip(log), TestLogs.Strict).ToList());
    }

    [Fact]
    public void A_missing_factory_is_refused_when_Read_is_called_not_when_it_is_enumerated()
    {
        Assert.Throws<ArgumentNullException>(() => CloudTrailLogReader.Read(InputSamples.Bytes("cloudtrail-log.json"), null!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Taking_the_first_events_of_a_large_log_does_not_read_the_rest(bool gzip)
    {
        const int Count = 20_000, Bad = Count - 10;
        var records = ReadCases.ManyRecords(Count).Select(r => r.ToJsonString()).ToList();
        records[Bad] = records[Bad].Replace("\"eventTime\":\"2025-", "\"eventTime\":\"not a time", StringComparison.Ordinal);
        byte[] plain = RecordBuilder.Log(records);
        byte[] log = gzip ? TestLogs.Gzip(plain) : plain;
        var errors = new List<CloudTrailReadException>();
        var skip = Copy(TestLogs.Strict, CloudTrailErrorHandling.Skip, errors, []);

        var first = GlacierTrailEvents.Read(log, skip).Take(3).ToList();

        Assert.Equal(ReadCases.ManyRecords(3).Select(r => (string?)r["eventID"]), first.Select(e => e.EventId));
        Assert.Empty(errors);

        // With a record filter the records framed can be counted: a window's worth, not the log.
        int framed = 0;
        var counting = new CloudTrailReaderOptions { Strict = true, ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add, EventFilter = (_, _) => ++framed > 0 };
        Assert.Equal(3, GlacierTrailEvents.Read(log, counting).Take(3).Count());
        Assert.InRange(framed, 3, Count / 10);
        Assert.Empty(errors);

        // Nor does a bad record near the end throw before it is reached.
        Assert.Equal(3, GlacierTrailEvents.Read(log).Take(3).Count());

        Assert.Equal(Count - 1, GlacierTrailEvents.Read(log, skip).Count());
        var error = Assert.Single(errors);
        Assert.Equal(Bad, error.RecordIndex);
    }

    private static async Task<long> PositionAtTheFirstEventAsync(MemoryStream stream)
    {
        await foreach (var _ in GlacierTrailEvents.ReadAsync(stream))
        {
            return stream.Position;
        }

        throw new InvalidOperationException("no events");
    }

    /// <summary>
    /// A log of small sample records with <paramref name="record"/> starting at byte
    /// <paramref name="start"/> (whitespace before it makes up the difference), then more.
    /// </summary>
    private static (byte[] Log, int Index) LogWith(string framing, int start, string record, int after)
    {
        var (open, separator, close) = framing switch
        {
            "log" => ("{\"Records\":[", ",", "]}"),
            "array" => ("[", ",", "]"),
            _ => (string.Empty, "\n", "\n"),
        };
        var small = ReadCases.ManyRecords(1_000).Select(r => r.ToJsonString()).ToList();
        var text = new StringBuilder(open);
        int index = 0;
        while (text.Length + small[index].Length + separator.Length < start)
        {
            text.Append(small[index++]).Append(separator);
        }

        text.Append(' ', start - text.Length).Append(record);
        foreach (string next in small.Skip(index).Take(after))
        {
            text.Append(separator).Append(next);
        }

        text.Append(close);
        return (Encoding.UTF8.GetBytes(text.ToString()), index);
    }

    internal static MemoryStream NotExposable(byte[] bytes)
    {
        var stream = new MemoryStream(bytes, writable: false);
        Assert.False(stream.TryGetBuffer(out _));
        return stream;
    }

    /// <summary>What a read delivers with errors skipped.</summary>
    /// <param name="Items">Each event (its type and JSON) and each error (every field), in order.</param>
    /// <param name="Notices">The notices, in order. They are told as the framer meets what they
    /// are about, while events go out a batch at a time, so where they fall among the events
    /// depends on the batch (a stream's buffer, a window of memory) and is not compared.</param>
    private sealed record Transcript(List<string> Items, List<string> Notices)
    {
        public int Events => Items.Count(l => l.StartsWith("event", StringComparison.Ordinal));

        public int Errors => Items.Count(l => l.StartsWith("error", StringComparison.Ordinal));
    }

    private static Transcript ReadMemory(ReadOnlyMemory<byte> log, CloudTrailReaderOptions? options, string? source)
    {
        var transcript = new Transcript([], []);
        foreach (var evt in GlacierTrailEvents.Read(log, Collecting(transcript, options), source))
        {
            transcript.Items.Add(Line(evt));
        }

        return transcript;
    }

    private static async Task<Transcript> ReadStreamAsync(Stream stream, CloudTrailReaderOptions? options, string? source)
    {
        var transcript = new Transcript([], []);
        await foreach (var evt in GlacierTrailEvents.ReadAsync(stream, Collecting(transcript, options), source))
        {
            transcript.Items.Add(Line(evt));
        }

        return transcript;
    }

    private static CloudTrailReaderOptions Collecting(Transcript transcript, CloudTrailReaderOptions? options) =>
        Copy(options, CloudTrailErrorHandling.Skip, null, transcript.Notices, transcript.Items);

    internal static CloudTrailReaderOptions Copy(CloudTrailReaderOptions? options, CloudTrailErrorHandling handling, List<CloudTrailReadException>? errors, List<string>? notices, List<string>? lines = null) =>
        ReaderOptions.With(
            options,
            handling,
            error =>
            {
                errors?.Add(error);
                lines?.Add(Line(error));
            },
            notice => notices?.Add(notice));

    internal static string Line(CloudTrailEvent evt) => $"event: {evt.GetType().Name} | record {evt.RecordIndex} | {evt.ToJson()}";

    internal static string Line(CloudTrailReadException error) =>
        $"error: {error.GetType().Name} | {error.Source} | record {error.RecordIndex} | byte {error.ByteOffset} | {error.Message} | {error.InnerException?.GetType().Name}";

    private static void AssertShape(ReadCases.Case test, Transcript transcript)
    {
        Assert.Equal(test.Damaged, transcript.Errors > 0);
        Assert.Equal(test.HasEvents, transcript.Events > 0);
    }

    private static void AssertSame(Transcript expected, Transcript actual)
    {
        AssertSame(expected.Items, actual.Items);
        Assert.Equal(expected.Notices, actual.Notices);
    }

    /// <summary>The same lines; on failure, the first that differs (events can be long).</summary>
    internal static void AssertSame(List<string> expected, List<string> actual)
    {
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            {
                Assert.Fail($"line {i} of {expected.Count} differs\nexpected: {Clip(expected[i])}\nactual:   {Clip(actual[i])}");
            }
        }

        if (expected.Count != actual.Count)
        {
            var extra = expected.Count > actual.Count ? expected[actual.Count] : actual[expected.Count];
            Assert.Fail($"expected {expected.Count} lines, found {actual.Count}; the first unmatched: {Clip(extra)}");
        }
    }

    private static string Clip(string line) => line.Length <= 400 ? line : line[..400] + $"... ({line.Length} chars)";

    /// <summary>Bytes in unmanaged memory, as a <see cref="Memory{T}"/> with no array behind it.</summary>
    private sealed class NativeMemory : MemoryManager<byte>
    {
        private readonly IntPtr _pointer;
        private readonly int _length;

        public NativeMemory(ReadOnlySpan<byte> content)
        {
            _length = content.Length;
            _pointer = Marshal.AllocHGlobal(Math.Max(1, _length));
            content.CopyTo(GetSpan());
        }

        public override Span<byte> GetSpan() => MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), _pointer), _length);

        // The reader only ever looks at the span; pinning would need a pointer, so it is refused.
        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException("the reader is not expected to pin");

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing) => Marshal.FreeHGlobal(_pointer);
    }
}
