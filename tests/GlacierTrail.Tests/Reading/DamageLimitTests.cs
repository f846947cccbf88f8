using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Tests.Reading;

/// <summary><see cref="CloudTrailReaderOptions.MaxConsecutiveDamageBytes"/>: endless damage ends, a damaged stretch recovers.</summary>
public class DamageLimitTests
{
    private static readonly string Record = TestLogs.ExampleRecords()[0].ToJsonString();

    [Theory]
    [InlineData((byte)0)] // /dev/zero: one error, then a skip to a line end that never comes
    [InlineData((byte)'x')] // text with no line end
    public async Task An_endless_stream_of_one_byte_ends_with_one_error_within_the_limit(byte fill)
    {
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add, MaxConsecutiveDamageBytes = 1024 * 1024 };
        var stream = new EndlessStream(_ => fill);

        var events = await ReadAsync(stream, options, TimeSpan.FromSeconds(30));

        Assert.Empty(events);
        var last = errors[^1];
        Assert.Contains("more than MaxConsecutiveDamageBytes (1048576) bytes", last.Message, StringComparison.Ordinal);
        Assert.StartsWith("endless: ", last.Message, StringComparison.Ordinal);
        Assert.True(stream.Position < 4 * 1024 * 1024, $"read {stream.Position} bytes");
    }

    [Fact]
    public async Task Random_bytes_end_within_the_default_limit()
    {
        var random = new Random(42);
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add };
        var stream = new EndlessStream(_ => (byte)random.Next(256));

        var events = await ReadAsync(stream, options, TimeSpan.FromSeconds(60));

        Assert.Empty(events);
        Assert.NotEmpty(errors);
        Assert.True(stream.Position <= options.MaxConsecutiveDamageBytes + (1024 * 1024), $"read {stream.Position} bytes");
    }

    [Fact]
    public async Task A_damaged_stretch_shorter_than_the_limit_is_read_past()
    {
        string damage = new string('#', 3000) + "\n";
        byte[] log = Encoding.UTF8.GetBytes(Record + "\n" + damage + damage + Record + "\n" + damage + Record + "\n");
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add, MaxConsecutiveDamageBytes = 8192 };

        var events = await ReadAsync(new NonSeekableStream(log), options, TimeSpan.FromSeconds(30));

        Assert.Equal(3, events.Count);
        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message.Contains("MaxConsecutiveDamageBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_damaged_stretch_longer_than_the_limit_stops_the_source_after_the_records_before_it()
    {
        string damage = new string('#', 3000) + "\n";
        byte[] log = Encoding.UTF8.GetBytes(Record + "\n" + damage + damage + damage + damage + Record + "\n");
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add, MaxConsecutiveDamageBytes = 8192 };

        var events = await ReadAsync(new NonSeekableStream(log), options, TimeSpan.FromSeconds(30));

        Assert.Single(events);
        var stop = errors[^1];
        Assert.Contains("MaxConsecutiveDamageBytes", stop.Message, StringComparison.Ordinal);
        Assert.Contains($"since the damage at byte {Encoding.UTF8.GetByteCount(Record) + 1}", stop.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, 2)]
    [InlineData(1000, 2)]
    [InlineData(1001, 1)]
    public async Task More_than_MaxConsecutiveErrors_in_a_row_stop_the_source(int badLines, int expectedEvents)
    {
        var text = new StringBuilder(Record).Append('\n');
        for (int i = 0; i < badLines; i++)
        {
            text.Append("not a record\n");
        }

        text.Append(Record).Append('\n');
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add };

        var events = await ReadAsync(new NonSeekableStream(Encoding.UTF8.GetBytes(text.ToString())), options, TimeSpan.FromSeconds(30));

        Assert.Equal(expectedEvents, events.Count);
        Assert.Equal(Math.Min(badLines, 1000) + (expectedEvents == 1 ? 1 : 0), errors.Count);
        Assert.Equal(expectedEvents == 1, errors[^1].Message.Contains("more than MaxConsecutiveErrors (1000) errors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zero_means_no_limit()
    {
        string damage = new string('#', 3000) + "\n";
        byte[] log = Encoding.UTF8.GetBytes(damage + damage + damage + damage + Record + "\n");
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, MaxConsecutiveDamageBytes = 0, MaxConsecutiveErrors = 0 };

        var events = await ReadAsync(new NonSeekableStream(log), options, TimeSpan.FromSeconds(30));
        var limited = await ReadAsync(new NonSeekableStream(log), new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, MaxConsecutiveDamageBytes = 8192, MaxConsecutiveErrors = 2 }, TimeSpan.FromSeconds(30));

        Assert.Single(events);
        Assert.Empty(limited);
    }

    [Fact]
    public async Task An_empty_file_in_a_folder_is_noted_and_not_opened()
    {
        string folder = TestLogs.TempFolder();
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "a.json"), Encoding.UTF8.GetBytes(Record + "\n"));
            File.WriteAllBytes(Path.Combine(folder, "b.json"), []);
            var left = new List<string>();
            var notices = new List<string>();

            var files = LogFiles.Enumerate(folder, onDigest: null, onNotRegular: left.Add);
            var events = await TestLogs.ReadFileAsync(folder, new CloudTrailReaderOptions { OnNotice = notices.Add });

            Assert.Equal([Path.Combine(folder, "a.json")], files);
            Assert.Equal([Path.Combine(folder, "b.json")], left);
            Assert.Single(events);
            Assert.Equal([$"{Path.Combine(folder, "b.json")}: {LogFiles.NotRegularNote}; skipped"], notices);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_named_pipe_in_a_folder_is_skipped_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no named pipes in the file system there
        }

        string folder = TestLogs.TempFolder();
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "a.json"), Encoding.UTF8.GetBytes(Record + "\n"));
            string fifo = Path.Combine(folder, "pipe.json");
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            var notices = new List<string>();
            var read = TestLogs.ReadFileAsync(folder, new CloudTrailReaderOptions { OnNotice = notices.Add });

            // Opening the pipe would block for ever: no writer ever comes.
            var events = await read.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Single(events);
            Assert.Contains($"{fifo}: {LogFiles.NotRegularNote}; skipped", notices);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<CloudTrailEvent>> ReadAsync(Stream stream, CloudTrailReaderOptions options, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var events = new List<CloudTrailEvent>();
        await foreach (var evt in GlacierTrailEvents.ReadAsync(stream, options, "endless", cancel.Token))
        {
            events.Add(evt);
        }

        return events;
    }

    /// <summary>A stream that never ends, as <c>/dev/zero</c> or <c>/dev/urandom</c>; it counts what was read.</summary>
    private sealed class EndlessStream(Func<long, byte> next) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = next(_position++);
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Bytes behind a stream that cannot seek, as a pipe: no in-memory shortcut.</summary>
    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
