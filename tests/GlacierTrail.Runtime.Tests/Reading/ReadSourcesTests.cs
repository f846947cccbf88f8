using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Framing;
using GlacierTrail.Reading;
using Xunit;

namespace GlacierTrail.Runtime.Tests;

/// <summary>
/// The one read driver behind every source: memory, a memory stream, any other stream and gzip
/// in memory give the same items, with the same sniffing, notices and damage limits.
/// </summary>
public sealed class ReadSourcesTests
{
    private static readonly CloudTrailReaderOptions Skip = new() { ErrorHandling = CloudTrailErrorHandling.Skip };

    public static TheoryData<string> Logs() => new()
    {
        "log",
        "ndjson with junk",
        "record longer than the window",
        "truncated",
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task Every_source_gives_the_same_items(string name)
    {
        byte[] log = LogNamed(name);
        var memory = Records.Describe(ReadSources.FromMemory(log, Records.NoSchemas, Skip, "log"));

        Assert.NotEmpty(memory);
        Assert.Equal(memory, Records.Describe(ReadSources.FromMemory(Records.Gzip(log), Records.NoSchemas, Skip, "log")));
        Assert.Equal(memory, Records.Describe(await FromStreamAsync(new MemoryStream(log))));
        Assert.Equal(memory, Records.Describe(await FromStreamAsync(new TrickleStream(log))));
        Assert.Equal(memory, Records.Describe(await FromStreamAsync(new MemoryStream(Records.Gzip(log)))));
    }

    [Fact]
    public void A_record_longer_than_the_window_is_read_whole()
    {
        var items = ReadSources.FromMemory(LogNamed("record longer than the window"), Records.NoSchemas, Skip, "log").ToList();

        Assert.Equal(["event 0 A", "event 1 Long", "event 2 C"], Records.Describe(items));
    }

    [Fact]
    public async Task The_damage_limit_stops_memory_as_it_stops_a_stream()
    {
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, MaxConsecutiveErrors = 2 };
        byte[] junk = Records.Lines("junk 1", "junk 2", "junk 3", "junk 4", Records.Record("Late"));

        var memory = Records.Describe(ReadSources.FromMemory(junk, Records.NoSchemas, options, "junk"));
        var stream = Records.Describe(await FromStreamAsync(new TrickleStream(junk), options));

        // Two errors, then the stop (whose offset is how far each source had read).
        Assert.Equal(3, memory.Count);
        Assert.Equal(3, stream.Count);
        Assert.Equal(memory[..2], stream[..2]);
        Assert.Contains("MaxConsecutiveErrors (2)", memory[2], StringComparison.Ordinal);
        Assert.Contains("MaxConsecutiveErrors (2)", stream[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_source_is_a_notice_not_an_error()
    {
        var notices = new List<string>();
        var options = new CloudTrailReaderOptions { OnNotice = notices.Add };

        Assert.Empty(ReadSources.FromMemory(ReadOnlyMemory<byte>.Empty, Records.NoSchemas, options, "empty.json"));
        Assert.Equal(["empty.json: empty; no records"], notices);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_skipped_when_asked()
    {
        var notices = new List<string>();
        var options = new CloudTrailReaderOptions { OnNotice = notices.Add, ErrorHandling = CloudTrailErrorHandling.Skip };
        byte[] text = Encoding.UTF8.GetBytes("plain text, not a log\n");

        Assert.Empty(ReadSources.FromMemory(text, Records.NoSchemas, options, "notes.txt", skipNonJson: true));
        Assert.Empty(await FromStreamAsync(new TrickleStream(text), options, skipNonJson: true));
        Assert.Equal(["notes.txt: not a JSON log file; skipped", "notes.txt: not a JSON log file; skipped"], notices);

        // Read as a log on its own, the same text is damage.
        Assert.Single(ReadSources.FromMemory(text, Records.NoSchemas, options, "notes.txt"), i => i.Error is not null);
    }

    [Fact]
    public async Task Damaged_gzip_is_an_error_in_place_after_the_records_before_it()
    {
        byte[] gzip = Records.Gzip(Records.Lines(Enumerable.Range(0, 2000).Select(i => Records.Record("E" + i)).ToArray()));
        gzip[gzip.Length / 2] ^= 0xFF;
        gzip[(gzip.Length / 2) + 1] ^= 0xFF;

        var memory = Records.Describe(ReadSources.FromMemory(gzip, Records.NoSchemas, Skip, "log"));
        var stream = Records.Describe(await FromStreamAsync(new TrickleStream(gzip)));

        // Where the damage shows depends on how much each source had inflated: only its presence compares.
        foreach (var read in new[] { memory, stream })
        {
            Assert.Equal("event 0 E0", read[0]);
            Assert.Contains(read, line => line.Contains("gzip data is damaged", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Gzip input several times larger than the pieces the trailer is held back in (64 KiB), with
    /// a bad checksum: from any stream, read whole or a few bytes at a time, every record comes
    /// before the error, and the error is the checksum's.
    /// </summary>
    [Fact]
    public async Task Gzip_larger_than_the_held_back_pieces_delivers_every_record_before_a_bad_checksum()
    {
        var random = new Random(14);
        var names = Enumerable.Range(0, 150).Select(i => "E" + i).ToArray();
        byte[] gzip = Records.Gzip(Records.Log(names.Select(n => Records.Record(n, padding: Convert.ToBase64String(RandomBytes(random, 1500)))).ToArray()));
        Assert.InRange(gzip.Length, 3 * 64 * 1024, int.MaxValue);
        gzip[^8] ^= 0xFF; // the trailer's CRC-32

        var whole = Records.Describe(await FromStreamAsync(new MemoryStream(gzip)));
        var trickled = Records.Describe(await FromStreamAsync(new TrickleStream(gzip)));

        Assert.Equal(names.Select((n, i) => $"event {i} {n}"), whole[..^1]);
        Assert.Contains("gzip data is damaged", whole[^1], StringComparison.Ordinal);
        Assert.Equal(whole, trickled);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] LogNamed(string name) => name switch
    {
        "log" => Records.Log(Records.Record("A"), Records.Record("B"), Records.Record("C")),
        "ndjson with junk" => Records.Lines(Records.Record("A"), "not json", Records.Record("B")),
        "record longer than the window" => Records.Log(Records.Record("A"), Records.Record("Long", padding: new string('x', ReadDriver.BufferSize * 3)), Records.Record("C")),
        "truncated" => Records.Log(Records.Record("A"), Records.Record("B"))[..^20],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static async Task<List<ReadItem>> FromStreamAsync(Stream stream, CloudTrailReaderOptions? options = null, bool skipNonJson = false)
    {
        var items = new List<ReadItem>();
        await foreach (var item in ReadSources.FromStreamAsync(stream, Records.NoSchemas, options ?? Skip, skipNonJson ? "notes.txt" : "log", skipNonJson, readAhead: false, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>A stream that is not a memory stream and hands out a few bytes per read, so records straddle reads.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 997));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
