using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;
using Xunit.Sdk;

namespace GlacierTrail.Tests;

/// <summary>
/// <see cref="CloudTrailReaderOptions.EventFilter"/> over log files (<c>{"Records":[...]}</c>),
/// whose rejected records are skimmed, not parsed. A filtered read gives exactly what an
/// unfiltered read gives less the events the filter rejects: the same events (type and JSON) and
/// the same errors (source, record index, byte offset, message), in the same order, read from a
/// stream that hides its buffer, from memory, from gzip and from a file. The filter sees each
/// record's eventSource and eventName unescaped. A damaged record the filter accepts is reported
/// as without a filter; one it rejects is not, when the damage leaves its strings and brackets
/// paired (documented); damage that breaks the structure is reported either way.
/// GLACIERTRAIL_FUZZ_CASES sets the number of generated logs (default 300).
/// </summary>
public sealed class EventFilterTests
{
    private const string Source = "filtered.json";

    private static long Cases => long.TryParse(Environment.GetEnvironmentVariable("GLACIERTRAIL_FUZZ_CASES"), out long n) ? n : 300;

    /// <summary>How a log is read.</summary>
    private enum Way
    {
        /// <summary><c>ReadAsync</c> over a stream that does not expose its buffer.</summary>
        Stream,

        /// <summary><c>Read(ReadOnlyMemory&lt;byte&gt;)</c>.</summary>
        Memory,

        /// <summary><c>ReadAsync</c> over the gzip of the log, from a stream that does not expose its buffer.</summary>
        Gzip,

        /// <summary><c>ReadFileAsync</c> of the log written to a file.</summary>
        File,
    }

    private static readonly Way[] EveryWay = [Way.Stream, Way.Memory, Way.Gzip, Way.File];

    private static readonly Way[] InMemoryWays = [Way.Stream, Way.Memory, Way.Gzip];

    private static readonly Dictionary<string, CloudTrailRecordFilter> Filters = new(StringComparer.Ordinal)
    {
        ["Glacier only"] = static (source, _) => source.SequenceEqual("glacier.amazonaws.com"u8),
        ["all but S3"] = static (source, _) => !source.SequenceEqual("s3.amazonaws.com"u8),
        ["Delete and Describe calls"] = static (_, name) => name.StartsWith("Delete"u8) || name.StartsWith("Describe"u8),
        ["KMS, EC2 or InitiateJob"] = static (source, name) =>
            source.SequenceEqual("kms.amazonaws.com"u8) || source.SequenceEqual("ec2.amazonaws.com"u8) || name.SequenceEqual("InitiateJob"u8),
        ["all but DeleteArchive"] = static (_, name) => !name.SequenceEqual("DeleteArchive"u8),
        ["none"] = static (_, _) => false,
        ["all"] = static (_, _) => true,
    };

    private static readonly string[] FilterNames = [.. Filters.Keys];

    public static TheoryData<string, string> NamedLogsAndFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (string log in NamedLogs.Keys)
        {
            foreach (string filter in new[] { "Glacier only", "all but S3", "KMS, EC2 or InitiateJob", "none", "all" })
            {
                data.Add(log, filter);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NamedLogsAndFilters))]
    public async Task A_filtered_log_gives_the_events_the_filter_accepts_and_every_error_of_the_unfiltered_read(string log, string filter)
    {
        byte[] bytes = NamedLogs[log]();

        await AssertFilteredAsync(bytes, Filters[filter], EveryWay);
    }

    [Fact]
    public void The_named_logs_hold_what_they_are_named_for()
    {
        var records = NamedLogs.ToDictionary(l => l.Key, l => TestLogs.RecordsIn(l.Value()), StringComparer.Ordinal);
        string[] sources = ["glacier.amazonaws.com", "s3.amazonaws.com", "kms.amazonaws.com", "ec2.amazonaws.com"];

        Assert.Equal(sources, sources.Intersect(records["mixed event sources"].Select(r => r.GetProperty("eventSource").GetString())));
        Assert.All(records["records larger than the window"].Take(3), r => Assert.True(r.GetRawText().Length > ReadCases.Window));
        Assert.Contains(records["records missing a dispatch key"], r => !r.TryGetProperty("eventSource", out _));
        Assert.Contains(records["records missing a dispatch key"], r => !r.TryGetProperty("eventName", out _));
        Assert.All(records["eventSource that is not a string"].Where((_, i) => i % 2 == 1), r => Assert.False(
            r.GetProperty("eventSource").ValueKind == JsonValueKind.String && r.GetProperty("eventName").ValueKind == JsonValueKind.String));
        Assert.Contains("\"event\\u0053ource\"", Encoding.UTF8.GetString(NamedLogs["dispatch keys and values written with escapes"]()), StringComparison.Ordinal);
    }

    /// <summary>
    /// Random logs of sample records (Glacier, S3, KMS, EC2 and a made-up non-ASCII service) with
    /// the dispatch keys moved around, decoy keys deeper down and in strings, escapes right before
    /// the keys, escaped keys and values, big members, keys missing or not strings, and random
    /// whitespace, under every filter.
    /// </summary>
    [Fact]
    public async Task Generated_logs_read_with_a_filter_give_the_unfiltered_read_less_the_rejected_events()
    {
        await LogGen.Log.SampleAsync(
            async log => await AssertFilteredAsync(log.Bytes(), Filters[log.Filter], InMemoryWays),
            iter: Cases,
            print: log => log.ToString());
    }

    [Fact]
    public async Task Error_record_indices_and_offsets_count_the_records_the_filter_rejects()
    {
        var records = Bases();
        var texts = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            var record = RecordText.From(records[i % records.Count]);
            if (i is 3 or 7 or 11)
            {
                record.Remove(i == 7 ? "eventSource" : "eventName");
            }

            texts.Add(record.ToJson());
        }

        byte[] log = RecordBuilder.Log(texts);
        var offsets = TestLogs.RecordOffsets(log);
        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, null, null);
            var rejectAll = await ReadAsync(log, way, null, Filters["none"]);
            var glacier = await ReadAsync(log, way, null, Filters["Glacier only"]);

            Assert.Empty(rejectAll.Events);
            Assert.Equal(ErrorLines(unfiltered), ErrorLines(rejectAll));
            Assert.Equal(ErrorLines(unfiltered), ErrorLines(glacier));
            Assert.Equal([3, 7, 11], rejectAll.Errors.Select(e => e.RecordIndex));
            Assert.Equal([offsets[3], offsets[7], offsets[11]], rejectAll.Errors.Select(e => e.ByteOffset));
            Assert.All(rejectAll.Errors, e => Assert.Equal(way == Way.File ? rejectAll.Path : Source, e.Source));
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters["Glacier only"]), glacier.Lines);
            Assert.Equal(Enumerable.Range(0, 12).Except([3, 7, 11]), unfiltered.Events.Select(e => (int)e.Event.RecordIndex));
        }
    }

    /// <summary>Damage a token reader finds inside a record whose strings and brackets it leaves paired.</summary>
    public static TheoryData<string> PairedDamage() => new(PairedDamages.Keys);

    [Theory]
    [MemberData(nameof(PairedDamage))]
    public async Task A_damaged_record_the_filter_accepts_is_reported_as_without_a_filter(string damage)
    {
        var (log, offsets) = LogWithDamage(PairedDamages[damage]);

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, null, null);
            var filtered = await ReadAsync(log, way, null, Filters["Glacier only"]);

            var reported = Assert.Single(unfiltered.Errors, e => e.RecordIndex == Damaged);
            Assert.InRange(reported.ByteOffset, offsets[Damaged], offsets[Damaged + 1]);
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters["Glacier only"]), filtered.Lines);
            Assert.Contains(filtered.Errors, e => e.RecordIndex == Damaged);
        }
    }

    /// <summary>
    /// The documented cost of skipping rejected records unread: their damage is not seen. What
    /// follows them is read as ever, at the same record indices and byte offsets.
    /// </summary>
    [Theory]
    [MemberData(nameof(PairedDamage))]
    public async Task A_rejected_record_whose_damage_keeps_strings_and_brackets_paired_is_skipped_unreported(string damage)
    {
        var (log, offsets) = LogWithDamage(PairedDamages[damage]);
        var filter = Filters["all but DeleteArchive"];

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, null, null);
            var filtered = await ReadAsync(log, way, null, filter);

            Assert.Single(unfiltered.Errors, e => e.RecordIndex == Damaged);
            Assert.DoesNotContain(filtered.Errors, e => e.RecordIndex == Damaged);
            var after = Assert.Single(filtered.Errors);
            Assert.Equal((MissingEventName, offsets[MissingEventName]), (after.RecordIndex, after.ByteOffset));
            Assert.Contains("eventName", after.Detail, StringComparison.Ordinal);
            Assert.Equal(Records - 2, filtered.Events.Count);
            string damagedRecord = $"| record {Damaged} |";
            InMemoryReadTests.AssertSame(Without(unfiltered, filter).Where(l => !l.Contains(damagedRecord, StringComparison.Ordinal)).ToList(), filtered.Lines);
        }
    }

    /// <summary>Damage that leaves a record's strings or brackets unpaired, or nests deeper than allowed, so that the skim cannot vouch for it.</summary>
    public static TheoryData<string, bool> BrokenStructure()
    {
        var data = new TheoryData<string, bool>();
        foreach (string damage in BrokenStructures.Keys)
        {
            data.Add(damage, true);
            data.Add(damage, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenStructure))]
    public async Task Broken_structure_is_reported_whether_or_not_the_filter_rejects_the_record(string damage, bool rejected)
    {
        var (log, offsets, limits) = BrokenStructures[damage]();
        var filter = rejected ? Filters["all but DeleteArchive"] : Filters["Glacier only"];

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, limits, null);
            var filtered = await ReadAsync(log, way, limits, filter);

            var reported = Assert.Single(unfiltered.Errors, e => e.RecordIndex == Damaged);
            Assert.InRange(reported.ByteOffset, offsets[Damaged], offsets[Damaged + 1]);
            try
            {
                InMemoryReadTests.AssertSame(Without(unfiltered, filter), filtered.Lines);
            }
            catch (XunitException ex)
            {
                throw new XunitException($"read as {way}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// The skim pairs quotes without checking them: after a string left open, a '}' inside a later
    /// string can look like the record's end. Accepted, the record is read as without a filter;
    /// rejected, it is skipped to that '}', and what follows it is reported as the next record.
    /// </summary>
    [Fact]
    public async Task A_string_left_open_then_a_brace_in_a_string_is_reported_accepted_or_rejected()
    {
        var (log, _) = LogWithDamage(r => r.Set("userAgent", "\"aws-cli/2 no closing quote,\"x\":\"}\""));
        int fakeEnd = Encoding.UTF8.GetString(log).IndexOf("\"}\"", StringComparison.Ordinal) + 2;

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, null, null);
            var accepted = await ReadAsync(log, way, null, Filters["Glacier only"]);
            var rejected = await ReadAsync(log, way, null, Filters["all but DeleteArchive"]);

            Assert.Contains(unfiltered.Errors, e => e.RecordIndex == Damaged);
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters["Glacier only"]), accepted.Lines);
            var first = rejected.Errors[0];
            Assert.Equal((Damaged + 1, fakeEnd), (first.RecordIndex, first.ByteOffset));
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters["all but DeleteArchive"]).Take(Damaged).ToList(), rejected.Lines.Take(Damaged).ToList());
        }
    }

    /// <summary>A '}' too many ends the record there, for the skim as for the reader: what follows is reported, filtered or not.</summary>
    [Fact]
    public async Task A_record_closed_early_by_a_brace_too_many_ends_there_and_what_follows_is_reported_as_without_a_filter()
    {
        var (log, _) = LogWithDamage(r => r.Set("requestParameters", "{\"accountId\":\"-\",\"vaultName\":\"v\",\"archiveId\":\"a\"}}"));

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, null, null);

            Assert.IsType<DeleteArchiveEvent>(unfiltered.Events[Damaged].Event);
            Assert.Equal(Damaged + 1, unfiltered.Errors[0].RecordIndex);
            foreach (string filter in new[] { "Glacier only", "all but DeleteArchive", "none" })
            {
                InMemoryReadTests.AssertSame(Without(unfiltered, Filters[filter]), (await ReadAsync(log, way, null, Filters[filter])).Lines);
            }
        }
    }

    /// <summary>
    /// A record over MaxRecordBytes is reported and passed over, accepted or not, whether the
    /// buffer holds all of it or the limit is reached first, and the records after it are read.
    /// </summary>
    [Theory]
    [InlineData(5_000, 4_096, "Glacier only")]
    [InlineData(5_000, 4_096, "all but DeleteArchive")]
    [InlineData(600_000, 100_000, "Glacier only")]
    [InlineData(600_000, 100_000, "all but DeleteArchive")]
    [InlineData(600_000, 500_000, "Glacier only")]
    [InlineData(600_000, 500_000, "all but DeleteArchive")]
    public async Task A_record_over_MaxRecordBytes_is_reported_as_without_a_filter_and_the_records_after_it_are_read(int userAgent, int maxRecordBytes, string filter)
    {
        var (log, offsets) = LogWithDamage(r => r.Set("userAgent", "\"" + new string('u', userAgent) + "\""));
        var limits = new CloudTrailReaderOptions { MaxRecordBytes = maxRecordBytes };

        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, limits, null);
            var filtered = await ReadAsync(log, way, limits, Filters[filter]);

            var tooLong = Assert.Single(unfiltered.Errors, e => e.RecordIndex == Damaged);
            Assert.Equal(offsets[Damaged], tooLong.ByteOffset);
            Assert.Contains("MaxRecordBytes", tooLong.Detail, StringComparison.Ordinal);
            Assert.Equal(2, unfiltered.Errors.Count);
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters[filter]), filtered.Lines);
        }
    }

    /// <summary>
    /// A string over MaxStringBytes fails a record the filter accepts as without a filter, and the
    /// filter is asked about the record once; in a record it rejects it is not looked for.
    /// </summary>
    [Theory]
    [InlineData(5_000, 1_000)]
    [InlineData(200_000, 100_000)]
    public async Task A_string_over_MaxStringBytes_is_reported_in_a_record_the_filter_accepts_only(int userAgent, int maxStringBytes)
    {
        var (log, offsets) = LogWithDamage(r => r.Set("userAgent", "\"" + new string('u', userAgent) + "\""));
        var limits = new CloudTrailReaderOptions { MaxStringBytes = maxStringBytes };

        await AssertFilteredAsync(log, Filters["Glacier only"], EveryWay, limits);
        foreach (var way in EveryWay)
        {
            var unfiltered = await ReadAsync(log, way, limits, null);
            var rejected = await ReadAsync(log, way, limits, Filters["all but DeleteArchive"]);

            var tooLong = Assert.Single(unfiltered.Errors, e => e.RecordIndex == Damaged);
            Assert.Contains("MaxStringBytes", tooLong.Detail, StringComparison.Ordinal);
            Assert.InRange(tooLong.ByteOffset, offsets[Damaged], offsets[Damaged + 1]);
            string damagedRecord = $"| record {Damaged} |";
            InMemoryReadTests.AssertSame(Without(unfiltered, Filters["all but DeleteArchive"]).Where(l => !l.Contains(damagedRecord, StringComparison.Ordinal)).ToList(), rejected.Lines);
            Assert.Equal(DispatchValues(log).Select(Text), rejected.FilterCalls);
        }
    }

    [Fact]
    public async Task The_filter_sees_each_records_eventSource_and_eventName_unescaped()
    {
        var bases = Bases();
        string[] records =
        [
            RecordText.From(bases[0]).ToJson(),
            RecordText.From(bases[1]).RenameRaw("eventSource", "\"event\\u0053ource\"").ToJson(),
            RecordText.From(bases[2]).Set("eventSource", "\"kms\\u002eamazonaws\\u002Ecom\"").Set("eventName", "\"Generate\\u0044ataKey\"").ToJson(),
            RecordText.From(bases[3]).Set("eventSource", "\"\\u0067lacier.amazonaws.com\"").RenameRaw("eventName", "\"\\u0065ventName\"").ToJson(),
            RecordText.From(bases[4]).Set("eventName", "\"Create\\/Bucket\\\\\\\"\\n\\t\\u00e9\\ud83e\\uddca\"").ToJson(),
            RecordText.From(bases[5]).Set("eventSource", "\"donn\u00e9es.amazonaws.com\"").Set("eventName", "\"Cr\u00e9er\U0001F9CA\u65e5\u672c\"").ToJson(),
            RecordText.From(bases[6]).Set("eventName", "\"\"").ToJson(),
            RecordText.From(bases[7]).Set("eventSource", "\"eventName\"").Set("eventName", "\"eventSource\"").ToJson(),
        ];
        byte[] log = RecordBuilder.Log(records);
        (string, string)[] expected =
        [
            ("glacier.amazonaws.com", "CreateVault"),
            ("glacier.amazonaws.com", "InitiateJob"),
            ("kms.amazonaws.com", "GenerateDataKey"),
            ("glacier.amazonaws.com", "SetVaultAccessPolicy"),
            ("s3.amazonaws.com", "Create/Bucket\\\"\n\t\u00e9\U0001F9CA"),
            ("donn\u00e9es.amazonaws.com", "Cr\u00e9er\U0001F9CA\u65e5\u672c"),
            ("glacier.amazonaws.com", string.Empty),
            ("eventName", "eventSource"),
        ];

        Assert.Equal(expected, DispatchValues(log).Select(Text));
        foreach (var way in EveryWay)
        {
            var seen = new List<(byte[] Source, byte[] Name)>();
            await ReadAsync(log, way, null, (source, name) =>
            {
                seen.Add((source.ToArray(), name.ToArray()));
                return false;
            });

            Assert.Equal(expected, seen.Select(Text));
            Assert.Equal(expected.Select(Utf8), seen.Select(Hex));
        }
    }

    [Fact]
    public async Task The_filter_is_not_asked_about_records_missing_a_key_or_with_one_that_is_not_a_string()
    {
        byte[] log = NamedLogs["eventSource that is not a string"]();
        var expected = DispatchValues(log).Select(Text).ToList();
        Assert.Equal(TestLogs.RecordsIn(log).Count / 2, expected.Count);

        foreach (var way in EveryWay)
        {
            var filtered = await ReadAsync(log, way, null, Filters["none"]);

            Assert.Equal(expected, filtered.FilterCalls);
            Assert.Equal(expected.Count, filtered.Errors.Count);
        }
    }

    /// <summary>Reads with and without the filter every way given, and compares.</summary>
    private static async Task AssertFilteredAsync(byte[] log, CloudTrailRecordFilter filter, Way[] ways, CloudTrailReaderOptions? limits = null)
    {
        var calls = DispatchValues(log).Select(Text).ToList();
        foreach (var way in ways)
        {
            var unfiltered = await ReadAsync(log, way, limits, null);
            var filtered = await ReadAsync(log, way, limits, filter);

            try
            {
                InMemoryReadTests.AssertSame(Without(unfiltered, filter), filtered.Lines);
                Assert.Equal(calls, filtered.FilterCalls);
            }
            catch (XunitException ex)
            {
                throw new XunitException($"read as {way}: {ex.Message}");
            }
        }
    }

    /// <summary>What a read delivered.</summary>
    /// <param name="Lines">Each event and error, in order, as <see cref="InMemoryReadTests.Line(CloudTrailEvent)"/> writes them.</param>
    /// <param name="Events">The events, with the index of their line.</param>
    /// <param name="Errors">The errors.</param>
    /// <param name="FilterCalls">What the filter was called with, in order.</param>
    /// <param name="Path">The file read, for <see cref="Way.File"/>.</param>
    private sealed record Reading(List<string> Lines, List<(int Line, CloudTrailEvent Event)> Events, List<CloudTrailReadException> Errors, List<(string, string)> FilterCalls, string? Path);

    private static async Task<Reading> ReadAsync(byte[] log, Way way, CloudTrailReaderOptions? limits, CloudTrailRecordFilter? filter)
    {
        var lines = new List<string>();
        var errors = new List<CloudTrailReadException>();
        var calls = new List<(string, string)>();
        limits ??= CloudTrailReaderOptions.Default;

        // Strict: these logs use records with problems (a missing
        // eventName, a repeated one) as records that fail, to show errors pass the filter intact.
        var options = InMemoryReadTests.Copy(
            new CloudTrailReaderOptions
            {
                Strict = true,
                MaxRecordBytes = limits.MaxRecordBytes,
                MaxStringBytes = limits.MaxStringBytes,
                MaxDepth = limits.MaxDepth,
                EventFilter = filter is null ? null : (source, name) =>
                {
                    calls.Add(Text((source.ToArray(), name.ToArray())));
                    return filter(source, name);
                },
            },
            CloudTrailErrorHandling.Skip,
            errors,
            null,
            lines);
        var events = new List<(int, CloudTrailEvent)>();
        void Add(CloudTrailEvent evt)
        {
            events.Add((lines.Count, evt));
            lines.Add(InMemoryReadTests.Line(evt));
        }

        string? path = null;
        switch (way)
        {
            case Way.Stream:
                await foreach (var evt in GlacierTrailEvents.ReadAsync(InMemoryReadTests.NotExposable(log), options, Source))
                {
                    Add(evt);
                }

                break;
            case Way.Memory:
                foreach (var evt in GlacierTrailEvents.Read(log, options, Source))
                {
                    Add(evt);
                }

                break;
            case Way.Gzip:
                await foreach (var evt in GlacierTrailEvents.ReadAsync(InMemoryReadTests.NotExposable(TestLogs.Gzip(log)), options, Source))
                {
                    Add(evt);
                }

                break;
            default:
                string folder = TestLogs.TempFolder();
                try
                {
                    path = System.IO.Path.Combine(folder, Source);
                    await File.WriteAllBytesAsync(path, log);
                    await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, options))
                    {
                        Add(evt);
                    }

                    // Every read has a folder of its own: lines name the file as the other ways do.
                    lines = lines.ConvertAll(l => l.Replace(path, Source, StringComparison.Ordinal));
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }

                break;
        }

        return new Reading(lines, events, errors, calls, path);
    }

    private static List<string> ErrorLines(Reading reading) => reading.Lines.Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToList();

    /// <summary>The lines of an unfiltered read less the events <paramref name="filter"/> rejects.</summary>
    private static List<string> Without(Reading unfiltered, CloudTrailRecordFilter filter)
    {
        // A record without a string eventSource and eventName is never offered to the filter: it is always read.
        var rejected = unfiltered.Events
            .Where(e => !e.Event.Problems.Any(p => p.Path is "eventSource" or "eventName"))
            .Where(e => !filter(Encoding.UTF8.GetBytes(e.Event.EventSource), Encoding.UTF8.GetBytes(e.Event.EventName)))
            .Select(e => e.Line)
            .ToHashSet();
        return unfiltered.Lines.Where((_, i) => !rejected.Contains(i)).ToList();
    }

    /// <summary>The unescaped eventSource and eventName of each record of a valid log that has both as strings.</summary>
    private static List<(byte[] Source, byte[] Name)> DispatchValues(byte[] log)
    {
        var values = new List<(byte[], byte[])>();
        foreach (var record in TestLogs.RecordsIn(log))
        {
            if (record.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String
                && record.TryGetProperty("eventName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                values.Add((Encoding.UTF8.GetBytes(source.GetString()!), Encoding.UTF8.GetBytes(name.GetString()!)));
            }
        }

        return values;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static (string, string) Text((byte[] Source, byte[] Name) value) => (StrictUtf8.GetString(value.Source), StrictUtf8.GetString(value.Name));

    private static (string, string) Hex((byte[] Source, byte[] Name) value) => (Convert.ToHexString(value.Source), Convert.ToHexString(value.Name));

    private static (string, string) Utf8((string Source, string Name) value) => Hex((StrictUtf8.GetBytes(value.Source), StrictUtf8.GetBytes(value.Name)));

    /// <summary>
    /// The sample log's records (Glacier, KMS, S3), an EC2 call and a call to a made-up service
    /// whose name is not ASCII.
    /// </summary>
    private static List<JsonObject> Bases()
    {
        var records = ReadCases.SampleRecords();
        var ec2 = records[2].DeepClone().AsObject();
        ec2["eventSource"] = "ec2.amazonaws.com";
        ec2["eventName"] = "DescribeInstances";
        ec2["requestParameters"] = new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-0abc" }) } };
        var other = records[4].DeepClone().AsObject();
        other["eventSource"] = "donn\u00e9es.amazonaws.com";
        other["eventName"] = "Cr\u00e9er\U0001F9CA";
        records.Add(ec2);
        records.Add(other);
        return records;
    }

    private static readonly Dictionary<string, Func<byte[]>> NamedLogs = new(StringComparer.Ordinal)
    {
        ["mixed event sources"] = () => RecordBuilder.Log(Bases().Concat(Bases()).Select(r => RecordText.From(r).ToJson())),
        ["dispatch keys after requestParameters and nested objects"] = () => RecordBuilder.Log(Bases().Select((r, i) =>
        {
            var record = RecordText.From(r);
            record.MoveTo("eventName", record.Count);
            if (i % 2 == 0)
            {
                record.MoveTo("eventSource", record.Count);
            }
            else
            {
                record.MoveTo("eventSource", 0);
            }

            return record.ToJson(i % 3 == 0 ? "\n  " : string.Empty);
        })),
        ["decoy keys deeper down and in strings"] = () => RecordBuilder.Log(Bases().Select((r, i) =>
        {
            var record = RecordText.From(r).NestDecoys();
            record.Insert(i % record.Count, "\"note\"", "\"\\\"eventSource\\\":\\\"s3.amazonaws.com\\\",\\\"eventName\\\":\\\"CreateBucket\\\"\"");
            record.Insert(record.Count, "\"decoy\"", "[{\"eventSource\":\"kms.amazonaws.com\"},{\"x\":{\"eventName\":\"Decrypt\"}}]");
            record.Insert(0, "\"eventSourceX\"", "\"glacier.amazonaws.com\"");
            record.Insert(0, "\"eventNam\"", "\"InitiateJob\"");
            return record.ToJson();
        })),
        ["escapes right before the dispatch keys"] = () => RecordBuilder.Log(Bases().SelectMany(r => LogGen.Tricky.Select((tricky, i) =>
        {
            var record = RecordText.From(r);
            record.InsertBefore(i % 2 == 0 ? "eventSource" : "eventName", tricky);
            record.InsertBefore(i % 2 == 0 ? "eventName" : "eventSource", LogGen.Tricky[(i + 3) % LogGen.Tricky.Length] with { Name = "\"tail2\"" });
            return record.ToJson();
        }))),
        ["dispatch keys and values written with escapes"] = () => RecordBuilder.Log(Bases().SelectMany(r => Enumerable.Range(1, 15).Select(escapes =>
            RecordText.From(r).Escape(escapes).ToJson()))),
        ["records larger than the window"] = () => RecordBuilder.Log(Bases().Select((r, i) =>
        {
            var record = RecordText.From(r);
            if (i < 3)
            {
                record.Insert(i * 3 % record.Count, "\"big\"", LogGen.BigValue(i + 1));
            }

            return record.ToJson();
        })),
        ["records missing a dispatch key"] = () => RecordBuilder.Log(Bases().SelectMany((r, i) => new[]
        {
            RecordText.From(r).Remove("eventSource").ToJson(),
            RecordText.From(r).ToJson(),
            RecordText.From(r).Remove("eventName").ToJson(),
            RecordText.From(r).Remove("eventName").Remove("eventSource").ToJson(),
        })),
        ["eventSource that is not a string"] = () => RecordBuilder.Log(Bases().SelectMany((r, i) => new[]
        {
            RecordText.From(r).ToJson(),
            RecordText.From(r).Set(i % 3 == 0 ? "eventName" : "eventSource", LogGen.NotStrings[i % LogGen.NotStrings.Length]).ToJson(),
        })),
    };

    private const int Records = 8;

    private const int Damaged = 2;

    private const int MissingEventName = 5;

    /// <summary>Damage to a record that leaves its strings and brackets paired.</summary>
    private static readonly Dictionary<string, Func<RecordText, RecordText>> PairedDamages = new(StringComparer.Ordinal)
    {
        ["an invalid literal"] = r => r.Set("readOnly", "tru"),
        ["a number with a leading zero"] = r => r.Insert(r.Count, "\"bytes\"", "01"),
        ["invalid UTF-8 in a string"] = r => r.Set("userAgent", "\"aws-cli/2 " + InvalidUtf8 + "\""),
        ["a missing comma"] = r => r.Set("readOnly", "false \"x\":1"),
        ["a member with no value"] = r => r.Insert(r.Count - 1, "\"x\"", string.Empty),
        ["a typed field of the wrong type"] = r => r.Set("requestParameters", "{\"vaultName\":5}"),
        ["a repeated eventName"] = r => r.Insert(r.Count, "\"eventName\"", "\"DeleteArchive\""),
    };

    /// <summary>Damage to a record that no skim can see past, and the limits to read it with.</summary>
    private static readonly Dictionary<string, Func<(byte[] Log, List<long> Offsets, CloudTrailReaderOptions? Limits)>> BrokenStructures = new(StringComparer.Ordinal)
    {
        ["an unterminated string"] = () => WithNoLimits(LogWithDamage(r => r.Set("userAgent", "\"aws-cli/2 no closing quote"))),
        ["a ']' where '}' belongs"] = () => WithNoLimits(LogWithDamage(r => r.Set("userIdentity", "{\"type\":\"Root\",\"accountId\":\"123456789012\"]"))),
        ["a '}' where ']' belongs"] = () => WithNoLimits(LogWithDamage(r => r.Insert(r.Count - 2, "\"tags\"", "[\"a\",{\"b\":[1]}}"))),
        ["an unterminated string in a large log"] = () => WithNoLimits(LogWithDamage(r => r.Set("userAgent", "\"aws-cli/2 no closing quote"), 600)),
        ["an unterminated string in a log larger than MaxRecordBytes"] = () =>
        {
            var (log, offsets) = LogWithDamage(r => r.Set("userAgent", "\"aws-cli/2 no closing quote"), 600);
            return (log, offsets, new CloudTrailReaderOptions { MaxRecordBytes = 100_000 });
        },
        ["a truncated file"] = () =>
        {
            var (log, offsets) = LogWithDamage(r => r);
            int cut = (int)((offsets[Damaged] + offsets[Damaged + 1]) / 2);
            return (log[..cut], [.. offsets.Take(Damaged + 1), cut], null);
        },
        ["a record nested deeper than MaxDepth"] = () =>
        {
            var (log, offsets) = LogWithDamage(r => r.Set("requestParameters", "{\"a\":" + new string('[', 9) + "1" + new string(']', 9) + "}"));
            return (log, offsets, new CloudTrailReaderOptions { MaxDepth = 8 });
        },
    };

    private static (byte[], List<long>, CloudTrailReaderOptions?) WithNoLimits((byte[] Log, List<long> Offsets) damaged) => (damaged.Log, damaged.Offsets, null);

    // Placeholder bytes (control characters, which no record here holds) that become bytes that are not UTF-8.
    private const string InvalidUtf8 = "\u0001\u0002";

    /// <summary>
    /// A log of <see cref="Records"/> records, Glacier, S3 and KMS: record <see cref="Damaged"/>
    /// (a Glacier DeleteArchive) damaged as given, record <see cref="MissingEventName"/> without
    /// its eventName (so the parser always reports it); and where each record starts (and the log's end).
    /// </summary>
    private static (byte[] Log, List<long> Offsets) LogWithDamage(Func<RecordText, RecordText> damage, int count = Records)
    {
        int[] order = [0, 4, 5, 2, 1, 6, 3, 7];
        var records = Enumerable.Range(0, count).Select(i => RecordText.From(order[i % order.Length])).ToList();
        records[Damaged] = damage(records[Damaged]);
        records[MissingEventName].Remove("eventName");

        var log = new List<byte>("{\"Records\":[\n"u8.ToArray());
        var offsets = new List<long>();
        foreach (var record in records)
        {
            if (offsets.Count > 0)
            {
                log.AddRange(",\n"u8.ToArray());
            }

            offsets.Add(log.Count);
            log.AddRange(Encoding.UTF8.GetBytes(record.ToJson()));
        }

        offsets.Add(log.Count);
        log.AddRange("\n]}"u8.ToArray());
        byte[] bytes = [.. log];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] switch
            {
                0x01 => 0xFF,
                0x02 => 0xC3, // a lead byte followed by '"', not by a continuation byte
                _ => bytes[i],
            };
        }

        return (bytes, offsets);
    }

    /// <summary>A record written member by member (names and values as raw JSON), so key order, whitespace and escapes are the test's to choose.</summary>
    private sealed class RecordText
    {
        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // Written once: a JsonObject parsed lazily is not safe to read from several threads.
        private static readonly (string Name, string Value)[][] BaseMembers = Bases()
            .Select(r => r.Select(p => (Quote(p.Key), p.Value?.ToJsonString(Relaxed) ?? "null")).ToArray())
            .ToArray();

        private readonly List<(string Name, string Value)> _members;

        private RecordText(IEnumerable<(string Name, string Value)> members) => _members = [.. members];

        /// <summary>How many base records there are: those of <see cref="Bases"/>.</summary>
        public static int BaseCount => BaseMembers.Length;

        public int Count => _members.Count;

        /// <summary>The base record at <paramref name="index"/> of <see cref="Bases"/>.</summary>
        public static RecordText From(int index) => new(BaseMembers[index]);

        public static RecordText From(JsonObject record) => new(record.Select(p => (Quote(p.Key), p.Value?.ToJsonString(Relaxed) ?? "null")));

        /// <summary>Gives the member a raw value, adding it at the end when there is none.</summary>
        public RecordText Set(string name, string value)
        {
            int i = IndexOf(name);
            if (i < 0)
            {
                _members.Add((Quote(name), value));
            }
            else
            {
                _members[i] = (_members[i].Name, value);
            }

            return this;
        }

        public RecordText Remove(string name)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                _members.RemoveAt(i);
            }

            return this;
        }

        public RecordText Insert(int position, string rawName, string value)
        {
            _members.Insert(Math.Clamp(position, 0, _members.Count), (rawName, value));
            return this;
        }

        /// <summary>Puts <paramref name="member"/> right before the member <paramref name="name"/>, if it is there.</summary>
        public RecordText InsertBefore(string name, (string Name, string Value) member)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                _members.Insert(i, member);
            }

            return this;
        }

        public RecordText MoveTo(string name, int position)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                var member = _members[i];
                _members.RemoveAt(i);
                _members.Insert(Math.Clamp(position, 0, _members.Count), member);
            }

            return this;
        }

        /// <summary>Writes the member's name as given (with escapes, say); the member keeps its place.</summary>
        public RecordText RenameRaw(string name, string rawName)
        {
            int i = IndexOf(name);
            if (i >= 0)
            {
                _members[i] = (rawName, _members[i].Value);
            }

            return this;
        }

        /// <summary>Adds eventSource and eventName, different from the record's, inside requestParameters (or another object).</summary>
        public RecordText NestDecoys()
        {
            const string Decoys = "\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\"";
            int i = IndexOf("requestParameters");
            if (i >= 0 && _members[i].Value.StartsWith('{'))
            {
                string value = _members[i].Value;
                _members[i] = (_members[i].Name, value == "{}" ? "{" + Decoys + "}" : "{" + Decoys + "," + value[1..]);
            }
            else
            {
                _members.Add(("\"nested\"", "{\"a\":{" + Decoys + "}}"));
            }

            return this;
        }

        /// <summary>
        /// Writes with \u escapes: 1, the name eventSource; 2, the name eventName; 4, the first
        /// character of the eventSource value; 8, that of the eventName value.
        /// </summary>
        public RecordText Escape(int which)
        {
            if ((which & 4) != 0)
            {
                EscapeValue("eventSource");
            }

            if ((which & 8) != 0)
            {
                EscapeValue("eventName");
            }

            if ((which & 1) != 0)
            {
                RenameRaw("eventSource", "\"event\\u0053ource\"");
            }

            if ((which & 2) != 0)
            {
                RenameRaw("eventName", "\"eventN\\u0061me\"");
            }

            return this;
        }

        /// <summary>The record, with <paramref name="spaces"/> (in turn) around every ':' and after every ','.</summary>
        public string ToJson(params string[] spaces)
        {
            int next = 0;
            string Space() => spaces.Length == 0 ? string.Empty : spaces[next++ % spaces.Length];
            var text = new StringBuilder("{");
            for (int i = 0; i < _members.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',').Append(Space());
                }

                text.Append(_members[i].Name).Append(Space()).Append(':').Append(Space()).Append(_members[i].Value);
            }

            return text.Append('}').ToString();
        }

        private void EscapeValue(string name)
        {
            int i = IndexOf(name);
            if (i >= 0 && _members[i].Value is ['"', char first, .., '"'] value && first is > ' ' and < '\x7F' and not '"' and not '\\')
            {
                _members[i] = (_members[i].Name, $"\"\\u{(int)first:x4}{value[2..]}");
            }
        }

        private int IndexOf(string name) => _members.FindIndex(m => m.Name == Quote(name));

        private static string Quote(string name) => "\"" + name + "\"";
    }

    /// <summary>Random logs built from the ingredients the filter must get right.</summary>
    private static class LogGen
    {
        /// <summary>Members that end in escapes, quotes, brackets or dispatch keys, to stand right before a dispatch key.</summary>
        public static readonly (string Name, string Value)[] Tricky =
        [
            ("\"tail\"", """ "x\\" """.Trim()),
            ("\"tail\"", """ "\"" """.Trim()),
            ("\"tail\"", """ "\\\"\\" """.Trim()),
            ("\"tail\"", """ "\\\\\\\\" """.Trim()),
            ("\"t\\\"ail\"", """ ["\\"] """.Trim()),
            ("\"tail\"", """ {"eventSource":"\\","eventName":"\""} """.Trim()),
            ("\"tail\"", """ "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"CreateBucket\"" """.Trim()),
            ("\"tail\"", """ "{[\"}]\\" """.Trim()),
            ("\"tail\"", """ ["eventSource",{"eventName":["\\\""]}] """.Trim()),
        ];

        /// <summary>Dispatch values that are not strings.</summary>
        public static readonly string[] NotStrings = ["5", "null", "true", "{\"eventSource\":\"glacier.amazonaws.com\"}", "[\"glacier.amazonaws.com\"]", "-0.5e1"];

        /// <summary>A string in which the dispatch keys are written out.</summary>
        public const string InString = """ "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"CreateBucket\"" """;

        /// <summary>A value larger than the in-memory window and the stream's first buffer: two strings and an object.</summary>
        public static string BigValue(int kind) => kind switch
        {
            1 => "\"" + string.Concat(Enumerable.Repeat("big \\\"value\\\\ {[ ", 5_000)) + "\"",
            2 => "\"" + new string('v', 150_000) + "\"",
            _ => "{" + string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"k{i:D4}\":[\"v\",{{\"a\":\"{{\"}}]")) + "}",
        };

        private static readonly Gen<string> Space = Gen.Frequency((6, Gen.Const(string.Empty)), (1, Gen.OneOf(" ", "\n    ", "\t", "\r\n")));

        private static readonly Gen<int> Rare = Gen.Frequency((4, Gen.Const(-1)), (1, Gen.Int[0, Tricky.Length - 1]));

        private static readonly Gen<string> Record = Gen.Select(
            Gen.Int[0, RecordText.BaseCount - 1],
            Gen.Int[0, 30].Array[2], // where eventSource and eventName go (past the end: they stay)
            Rare.Array[2], // a tricky member right before eventSource and before eventName
            Gen.Int[0, 3], // decoys: 1 nested, 2 in a string
            Gen.Frequency((5, Gen.Const(0)), (1, Gen.Int[1, 15])), // escapes (RecordText.Escape)
            Gen.Frequency((40, Gen.Const(0)), (1, Gen.Int[1, 3])), // a big member
            Gen.Frequency((12, Gen.Const(0)), (1, Gen.Int[1, 3 + NotStrings.Length])), // keys missing or not strings
            Space.Array[1, 3],
            Build);

        public static readonly Gen<GeneratedLog> Log = Gen.Select(Record.Array[1, 12], Gen.Int[0, FilterNames.Length - 1], Space, (records, filter, space) => new GeneratedLog(records, FilterNames[filter], space));

        private static string Build(int source, int[] at, int[] tricky, int decoys, int escapes, int big, int keys, string[] spaces)
        {
            var record = RecordText.From(source);
            if (at[0] < 20)
            {
                record.MoveTo("eventSource", at[0]);
            }

            if (at[1] < 20)
            {
                record.MoveTo("eventName", at[1]);
            }

            if ((decoys & 1) != 0)
            {
                record.NestDecoys();
            }

            if ((decoys & 2) != 0)
            {
                record.Insert(at[1], "\"note\"", InString.Trim());
            }

            if (tricky[0] >= 0)
            {
                record.InsertBefore("eventSource", Tricky[tricky[0]]);
            }

            if (tricky[1] >= 0)
            {
                record.InsertBefore("eventName", Tricky[tricky[1]] with { Name = "\"tail2\"" });
            }

            if (big > 0)
            {
                record.Insert(at[0] + at[1], "\"big\"", BigValue(big));
            }

            switch (keys)
            {
                case 0:
                    break;
                case 1:
                    record.Remove("eventSource");
                    break;
                case 2:
                    record.Remove("eventName");
                    break;
                case 3:
                    record.Set(at[0] % 2 == 0 ? "eventName" : "eventSource", NotStrings[at[1] % NotStrings.Length]);
                    break;
                default:
                    record.Set("eventSource", NotStrings[keys - 4]);
                    break;
            }

            return record.Escape(escapes).ToJson(spaces);
        }
    }

    /// <summary>A generated log and the filter to read it with.</summary>
    private sealed record GeneratedLog(string[] Records, string Filter, string Space)
    {
        public byte[] Bytes() => Encoding.UTF8.GetBytes("{\"Records\":[" + Space + string.Join("," + Space, Records) + Space + "]}");

        public override string ToString() =>
            $"filter: {Filter}, {Records.Length} records:\n" + string.Join("\n", Records.Select(r => r.Length <= 3000 ? r : r[..3000] + $"... ({r.Length} chars)"));
    }
}
