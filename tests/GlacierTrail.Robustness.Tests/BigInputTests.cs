using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Events;
using Xunit;
using Xunit.Abstractions;

namespace GlacierTrail.Robustness.Tests;

[CollectionDefinition(nameof(BigInputs), DisableParallelization = true)]
public sealed class BigInputs
{
}

/// <summary>
/// The large cases, made at run time as streams that produce their bytes lazily (nothing is
/// written to disk or held whole). Memory is checked as the growth of the process's peak
/// working set, against a generous bound; these tests run alone so nothing else moves it.
/// </summary>
[Collection(nameof(BigInputs))]
public class BigInputTests(ITestOutputHelper output)
{
    private const long MemoryBound = 300L * 1024 * 1024;

    private static readonly byte[] A = Records.Fixture("CreateVault.success");
    private static readonly byte[] C = Records.Fixture("ListVaults.success");

    [Fact]
    public async Task A_hundred_megabyte_string_fails_its_record_only_with_bounded_memory()
    {
        var outcome = await Measured(() => Harness.ReadAsync(HugeStringLog(), "huge-string"));

        Assert.Equal(["CreateVault", "ListVaults"], outcome.Events.Select(e => e.EventName));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(1, error.RecordIndex);
        Assert.Equal(A.Length + 13 + HugeStringPrefix.Length - 1, error.ByteOffset);
        Assert.Contains("longer than MaxStringBytes (1048576)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_megabyte_string_without_a_string_limit_fails_on_the_record_limit()
    {
        var options = new CloudTrailReaderOptions { MaxStringBytes = int.MaxValue };
        var outcome = await Measured(() => Harness.ReadAsync(HugeStringLog(), "huge-string", options));

        Assert.Equal(["CreateVault", "ListVaults"], outcome.Events.Select(e => e.EventName));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(1, error.RecordIndex);
        Assert.Equal(A.Length + 13, error.ByteOffset);
        Assert.Contains("larger than MaxRecordBytes (8388608)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_ten_thousand_deep_fails_its_record_only()
    {
        byte[] deep = Encoding.ASCII.GetBytes("{\"eventVersion\":\"1.08\",\"requestParameters\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        var (log, spans) = Records.Log([A, deep, C]);
        var (ndjson, lines) = Records.Ndjson([A, deep, C]);

        foreach (var (bytes, at) in new[] { (log, spans[1].Start), (ndjson, lines[1].Start) })
        {
            var outcome = await Harness.ReadAsync(bytes);
            Assert.Equal(["CreateVault", "ListVaults"], outcome.Events.Select(e => e.EventName));
            var error = Assert.Single(outcome.Errors);
            Assert.Equal(1, error.RecordIndex);
            Assert.Equal(at + 44 + 62, error.ByteOffset); // the '[' that would nest deeper than MaxDepth (64, counting the record)
            Assert.Contains("maximum configured depth of 64", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ten_million_empty_records_are_ten_million_errors_in_strict_mode_or_events_with_problems_with_bounded_memory(bool strict)
    {
        // Each record costs a few µs to report; CI reads one million (the same code path, bounded
        // memory either way) and GLACIERTRAIL_EMPTY_RECORDS=10000000 runs the full case.
        long Count = long.TryParse(Environment.GetEnvironmentVariable("GLACIERTRAIL_EMPTY_RECORDS"), out long n) ? n : 1_000_000;
        long errors = 0;
        CloudTrailReadException? last = null;
        CloudTrailEvent? lastEvent = null;
        long events = 0;
        var options = new CloudTrailReaderOptions
        {
            Strict = strict,
            ErrorHandling = CloudTrailErrorHandling.Skip,
            MaxConsecutiveErrors = 0, // every one of them is to be reported
            OnError = e =>
            {
                errors++;
                last = e;
            },
        };
        var stream = new GeneratedStream().Add("{\"Records\":[{}"u8).Repeat(",{}"u8, Count - 1).Add("]}"u8);

        await Measured(async () =>
        {
            await foreach (var evt in GlacierTrailEvents.ReadAsync(stream, options, "empty-records"))
            {
                events++;
                lastEvent = evt;
            }

            return 0;
        });

        if (strict)
        {
            Assert.Equal(0, events);
            Assert.Equal(Count, errors);
            Assert.Equal(Count - 1, last!.RecordIndex);
            Assert.Equal(12 + ((Count - 1) * 3), last.ByteOffset);
            Assert.Contains("the record is an empty object: it has no string 'eventSource'", last.Message, StringComparison.Ordinal);
        }
        else
        {
            // An empty object is a JSON object: delivered, with what it lacks as problems.
            Assert.Equal(0, errors);
            Assert.Equal(Count, events);
            var unknown = Assert.IsType<UnknownCloudTrailEvent>(lastEvent);
            Assert.Equal(["eventSource", "eventName", "eventTime"], unknown.Problems.Select(p => p.Path));
            Assert.Equal("{}", unknown.ToJson());
        }
    }

    [Fact]
    public async Task A_1700_byte_gzip_bomb_of_ten_gibibytes_stops_at_MaxInflatedBytes()
    {
        // Corpus/make-bomb.py: gzip of gzip of gzip of a log start, one record and 10 GiB of NUL bytes.
        byte[] bomb = File.ReadAllBytes(Harness.CorpusPath("gzip-bomb-10gib.json.gz"));
        Assert.True(bomb.Length < 2048);

        // Without the damage limit, which would stop the NUL bytes first (see DamageLimitTests).
        var limited = await Measured(() => Harness.ReadAsync(bomb, "bomb", new CloudTrailReaderOptions { MaxInflatedBytes = 64L * 1024 * 1024, MaxConsecutiveDamageBytes = 0 }));
        AssertBombOutcome(limited, 64L * 1024 * 1024);

        var defaults = await Measured(() => Harness.ReadAsync(bomb, "bomb", new CloudTrailReaderOptions { MaxConsecutiveDamageBytes = 0 }));
        AssertBombOutcome(defaults, 2L * 1024 * 1024 * 1024);
    }

    [Fact]
    public async Task A_gzip_bomb_in_a_cloudwatch_logs_lambda_event_is_bounded_by_the_record_limit()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            new GeneratedStream().Fill(0, 512L * 1024 * 1024).CopyTo(gzip);
        }

        string data = Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
        byte[] lambda = Encoding.ASCII.GetBytes("{\"awslogs\":{\"data\":\"" + data + "\"}}");
        var (log, _) = Records.Ndjson([A, lambda, C]);

        var outcome = await Measured(() => Harness.ReadAsync(log, "lambda"));

        Assert.Equal(["CreateVault", "ListVaults"], outcome.Events.Select(e => e.EventName));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("more than MaxInflatedBytes (8388608 bytes)", error.Message, StringComparison.Ordinal);
    }

    private static void AssertBombOutcome(Outcome outcome, long limit)
    {
        Assert.Equal(["CreateVault"], outcome.Events.Select(e => e.EventName));
        Assert.Equal(2, outcome.Errors.Count);
        Assert.Equal((1, 1101L), (outcome.Errors[0].RecordIndex, outcome.Errors[0].ByteOffset));
        Assert.Contains("'0x00' is an invalid start of a value", outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(-1, outcome.Errors[1].RecordIndex);
        Assert.InRange(outcome.Errors[1].ByteOffset, limit - (1 << 20), limit);
        Assert.Contains($"inflates to more than MaxInflatedBytes ({limit} bytes)", outcome.Errors[1].Message, StringComparison.Ordinal);
    }

    private const string HugeStringPrefix = "{\"eventVersion\":\"1.08\",\"userAgent\":\"";

    private static GeneratedStream HugeStringLog() => new GeneratedStream()
        .Add("{\"Records\":["u8).Add(A).Add(","u8)
        .Add(Encoding.ASCII.GetBytes(HugeStringPrefix)).Fill((byte)'x', 100L * 1024 * 1024).Add("\"},"u8)
        .Add(C).Add("]}"u8);

    private async Task<T> Measured<T>(Func<Task<T>> read)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeak();
        using var process = Process.GetCurrentProcess();
        long before = process.WorkingSet64;
        var watch = Stopwatch.StartNew();
        var result = await read();
        process.Refresh();
        long growth = process.PeakWorkingSet64 - before;
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s, peak working set +{growth / (1024 * 1024)} MiB");
        Assert.True(growth < MemoryBound, $"{typeof(T)}: the peak working set grew by {growth / (1024 * 1024)} MiB, more than {MemoryBound / (1024 * 1024)} MiB");
        return result;
    }

    // On Linux the peak (VmHWM) can be reset, so each case is measured on its own.
    private static void ResetPeak()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
