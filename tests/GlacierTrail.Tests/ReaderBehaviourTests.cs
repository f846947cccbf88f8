using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>The framings a reader accepts, the folder walk, and what happens to bad input.</summary>
public sealed class ReaderBehaviourTests
{
    [Fact]
    public async Task A_json_array_of_records_is_read()
    {
        var array = new JsonArray(TestLogs.ExampleRecords().Select(r => (JsonNode)r).ToArray());

        var events = await TestLogs.ReadAllAsync(Encoding.UTF8.GetBytes(array.ToJsonString()));

        CloudTrailExampleTests.AssertExample(events);
    }

    [Fact]
    public async Task Ndjson_is_read_one_record_a_line()
    {
        string ndjson = string.Join("\n", TestLogs.ExampleRecords().Select(r => r.ToJsonString())) + "\n";
        Assert.Equal(4, ndjson.Count(c => c == '\n'));

        var events = await TestLogs.ReadAllAsync(Encoding.UTF8.GetBytes(ndjson));

        CloudTrailExampleTests.AssertExample(events);
    }

    [Fact]
    public async Task Records_one_after_another_with_crlf_or_nothing_between_are_read()
    {
        var records = TestLogs.ExampleRecords().Select(r => r.ToJsonString()).ToArray();
        string text = records[0] + "\r\n" + records[1] + records[2] + " \t" + records[3];

        var events = await TestLogs.ReadAllAsync(Encoding.UTF8.GetBytes(text));

        CloudTrailExampleTests.AssertExample(events);
    }

    [Fact]
    public async Task One_bare_record_is_read()
    {
        var record = TestLogs.ExampleRecords()[0];

        var events = await TestLogs.ReadAllAsync(Encoding.UTF8.GetBytes(record.ToJsonString(TestLogs.Indented)));

        CloudTrailExampleTests.AssertCreateVault(Assert.Single(events));
    }

    [Fact]
    public async Task A_utf8_bom_is_skipped()
    {
        byte[] log = [0xEF, 0xBB, 0xBF, .. TestLogs.ExampleBytes()];

        CloudTrailExampleTests.AssertExample(await TestLogs.ReadAllAsync(log));
        CloudTrailExampleTests.AssertExample(await TestLogs.ReadAllAsync(TestLogs.Gzip(log)));
    }

    [Fact]
    public async Task A_folder_is_read_recursively_in_path_order_without_digest_files()
    {
        string root = TestLogs.TempFolder();
        try
        {
            var records = TestLogs.ExampleRecords();
            string trail = Path.Combine(root, "AWSLogs", "999999999999", "CloudTrail", "us-east-1", "2014", "12");
            string digest = Path.Combine(root, "AWSLogs", "999999999999", "CloudTrail-Digest", "us-east-1", "2014", "12", "10");

            // Written out of order, so only sorting gives the expected sequence.
            Write(Path.Combine(trail, "11", "999999999999_CloudTrail_us-east-1_20141211T0000Z_c.json"), TestLogs.LogOf([records[2], records[3]]));
            Write(Path.Combine(trail, "10", "999999999999_CloudTrail_us-east-1_20141210T1910Z_b.json.gz"), TestLogs.Gzip(TestLogs.LogOf([records[1]])));
            Write(Path.Combine(trail, "10", "999999999999_CloudTrail_us-east-1_20141210T1905Z_a.json.gz"), TestLogs.Gzip(TestLogs.LogOf([records[0]])));

            // A digest file is not a log: read as one it would be an error, and a log-shaped one would add events.
            Write(Path.Combine(digest, "999999999999_CloudTrail-Digest_us-east-1_trail_us-east-1_20141210T190515Z.json.gz"), TestLogs.Gzip(Encoding.UTF8.GetBytes(
                "{\"awsAccountId\":\"999999999999\",\"digestStartTime\":\"2014-12-10T18:05:15Z\",\"logFiles\":[]}")));
            Write(Path.Combine(digest, "log-shaped.json"), TestLogs.LogOf([records[0]]));

            var events = await TestLogs.ReadFileAsync(root);

            CloudTrailExampleTests.AssertExample(events);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_record_error_after_good_records_throws_with_file_index_and_offset_in_the_decompressed_stream()
    {
        var (log, badOffset) = TestLogs.WithBadVaultName();
        string folder = TestLogs.TempFolder();
        try
        {
            string path = Path.Combine(folder, "log.json");
            await File.WriteAllBytesAsync(path, TestLogs.Gzip(log));

            var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadFileAsync(path, TestLogs.Strict));

            Assert.Equal(["CreateVault", "DeleteVault"], events.Select(e => e.EventName));
            Assert.NotNull(error);
            Assert.Equal(path, error.Source);
            Assert.Equal(2, error.RecordIndex);
            Assert.Equal(badOffset, error.ByteOffset);
            Assert.Equal((byte)'5', log[error.ByteOffset]);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("record 2", error.Message, StringComparison.Ordinal);
            Assert.Contains("vaultName", error.Detail, StringComparison.Ordinal);
            Assert.Contains("expected a string, found a number", error.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_skip_the_records_after_a_bad_one_still_arrive_and_the_error_is_reported()
    {
        var (log, badOffset) = TestLogs.WithBadVaultName();
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { Strict = true, ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add };

        var events = await TestLogs.ReadAllAsync(log, options, "stream.json");

        Assert.Equal(["CreateVault", "DeleteVault", "ListVaults", "DescribeVault"], events.Select(e => e.EventName));
        var error = Assert.Single(errors);
        Assert.Equal("stream.json", error.Source);
        Assert.Equal(2, error.RecordIndex);
        Assert.Equal(badOffset, error.ByteOffset);
    }

    [Fact]
    public async Task A_syntax_error_reports_its_offset_after_the_good_records()
    {
        byte[] log = TestLogs.ExampleBytes();
        string text = Encoding.UTF8.GetString(log);
        int listVaults = text.IndexOf("\"ListVaults\"", StringComparison.Ordinal);
        int colon = text.IndexOf("\"eventSource\": ", listVaults, StringComparison.Ordinal) + "\"eventSource\": ".Length;
        byte[] broken = Encoding.UTF8.GetBytes(text[..colon] + "glacier" + text[colon..]);

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(broken), sourceName: "broken.json"));

        Assert.Equal(["CreateVault", "DeleteVault"], events.Select(e => e.EventName));
        Assert.NotNull(error);
        Assert.Equal("broken.json", error.Source);
        Assert.Equal(2, error.RecordIndex);
        Assert.Equal(colon, error.ByteOffset);
        Assert.StartsWith("invalid JSON", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mismatched_value_is_kept_in_extension_data_with_a_problem_and_writes_back()
    {
        var record = TestLogs.ExampleRecords()[0];
        record["responseElements"]!["location"] = 5;
        record["userIdentity"]!["arn"] = 42;
        record["readOnly"] = "false";
        string json = record.ToJsonString();
        byte[] utf8 = Encoding.UTF8.GetBytes(json);

        var fail = Assert.Throws<CloudTrailReadException>(() => GlacierTrailEvents.ParseRecord(utf8, new CloudTrailReaderOptions { Strict = true }));
        Assert.Contains("expected a string, found a number", fail.Detail, StringComparison.Ordinal);

        var evt = Assert.IsType<CreateVaultEvent>(GlacierTrailEvents.ParseRecord(utf8));

        Assert.Null(evt.ResponseElements!.Location);
        Assert.Equal("5", Assert.Single(evt.ResponseElements.ExtensionData!, p => p.Name == "location").Value.ToString());
        Assert.Null(evt.UserIdentity!.Arn);
        Assert.Equal("42", Assert.Single(evt.UserIdentity.ExtensionData!, p => p.Name == "arn").Value.ToString());
        Assert.Null(evt.ReadOnly);
        Assert.Equal("\"false\"", Assert.Single(evt.ExtensionData!, p => p.Name == "readOnly").Value.ToString());
        Assert.Equal("myVaultName", evt.RequestParameters?.VaultName);
        Assert.Equal(
            ["readOnly", "responseElements.location", "userIdentity.arn"],
            evt.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(evt.Problems, p => Assert.Equal(CloudTrailProblemKind.WrongType, p.Kind));
        JsonAssert.Equal(json, evt.ToJson());
    }

    [Fact]
    public void A_required_property_of_the_wrong_type_is_null_with_one_problem_and_fails_only_in_strict_mode()
    {
        var record = TestLogs.ExampleRecords()[0];
        record["requestParameters"]!["vaultName"] = 5;
        string json = record.ToJsonString();
        byte[] utf8 = Encoding.UTF8.GetBytes(json);

        var error = Assert.Throws<CloudTrailReadException>(() => GlacierTrailEvents.ParseRecord(utf8, new CloudTrailReaderOptions { Strict = true }));
        Assert.Contains("vaultName", error.Detail, StringComparison.Ordinal);

        var evt = Assert.IsType<CreateVaultEvent>(GlacierTrailEvents.ParseRecord(utf8));
        Assert.Null(evt.RequestParameters!.VaultName);
        var problem = Assert.Single(evt.Problems);
        Assert.Equal("requestParameters.vaultName", problem.Path);
        Assert.Equal(CloudTrailProblemKind.WrongType, problem.Kind);
        Assert.Equal("5", problem.RawValue?.ToString());
        JsonAssert.Equal(json, evt.ToJson());
    }

    [Fact]
    public async Task A_truncated_file_delivers_the_records_before_the_damage_then_fails()
    {
        byte[] log = TestLogs.ExampleBytes();
        int cut = Encoding.UTF8.GetString(log).IndexOf("\"ListVaults\"", StringComparison.Ordinal) + 5;
        byte[] truncated = log[..cut];

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(truncated), sourceName: "cut.json"));

        Assert.Equal(["CreateVault", "DeleteVault"], events.Select(e => e.EventName));
        Assert.NotNull(error);
        Assert.Equal("cut.json", error.Source);
        Assert.Equal(2, error.RecordIndex);
        Assert.InRange(error.ByteOffset, TestLogs.RecordOffsets(log)[2], cut);

        var skipped = new List<CloudTrailReadException>();
        var all = await TestLogs.ReadAllAsync(truncated, new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = skipped.Add });
        Assert.Equal(2, all.Count);
        Assert.Single(skipped);
    }

    [Fact]
    public async Task A_truncated_gzip_file_delivers_the_records_before_the_damage_then_fails()
    {
        var records = RecordBuilder.Repeat(TestLogs.ExampleRecords(), 40);
        byte[] log = TestLogs.LogOf(records);
        byte[] gzip = TestLogs.Gzip(log);
        byte[] truncated = gzip[..(gzip.Length / 2)];

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(truncated), sourceName: "cut.json.gz"));

        Assert.NotNull(error);
        Assert.Equal("cut.json.gz", error.Source);
        Assert.InRange(events.Count, 1, records.Count - 1);
        Assert.Equal(records.Take(events.Count).Select(r => (string?)r["eventID"]), events.Select(e => e.EventId));
        Assert.Equal(events.Count, error.RecordIndex);
    }

    [Fact]
    public async Task A_gzip_file_with_a_bad_checksum_delivers_every_record_then_fails()
    {
        // The reader holds the gzip trailer back until the content is through, so a checksum
        // mismatch (GZipStream throws in the read that reaches the trailer) costs no records;
        // the log is larger than the reader's 64 KiB buffer so several reads are involved.
        var records = RecordBuilder.Repeat(TestLogs.ExampleRecords(), 300);
        byte[] gzip = TestLogs.Gzip(TestLogs.LogOf(records));
        gzip[^8] ^= 0xFF; // the trailer's CRC-32

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(gzip), sourceName: "crc.json.gz"));

        Assert.Equal(records.Select(r => (string?)r["eventID"]), events.Select(e => e.EventId));
        Assert.NotNull(error);
        Assert.Equal("crc.json.gz", error.Source);
        Assert.Contains("gzip", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_over_MaxRecordBytes_is_an_error_and_the_others_still_read()
    {
        var records = TestLogs.ExampleRecords();
        records[1]["userAgent"] = new string('a', 5000);
        byte[] log = TestLogs.LogOf(records);
        var limit = new CloudTrailReaderOptions { MaxRecordBytes = 2048 };

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(log), limit, "big.json"));

        CloudTrailExampleTests.AssertCreateVault(Assert.Single(events));
        Assert.NotNull(error);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("MaxRecordBytes", error.Detail, StringComparison.Ordinal);
        Assert.Equal(TestLogs.RecordOffsets(log)[1], error.ByteOffset);

        var skipped = new List<CloudTrailReadException>();
        var rest = await TestLogs.ReadAllAsync(log, new CloudTrailReaderOptions { MaxRecordBytes = 2048, ErrorHandling = CloudTrailErrorHandling.Skip, OnError = skipped.Add });
        Assert.Equal(["CreateVault", "ListVaults", "DescribeVault"], rest.Select(e => e.EventName));
        Assert.Single(skipped);
    }

    [Fact]
    public async Task A_record_larger_than_the_read_buffer_and_the_limit_stops_the_source_with_an_error()
    {
        var records = TestLogs.ExampleRecords();
        records[1]["userAgent"] = new string('a', 300_000);
        byte[] log = TestLogs.LogOf(records);

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadAsync(new MemoryStream(log), new CloudTrailReaderOptions { MaxRecordBytes = 100_000 }));

        CloudTrailExampleTests.AssertCreateVault(Assert.Single(events));
        Assert.NotNull(error);
        Assert.Contains("MaxRecordBytes", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Newer_versions_and_unknown_open_values_are_read_and_kept()
    {
        var record = TestLogs.ExampleRecords()[0];
        record["eventVersion"] = "1.10";
        record["userIdentity"]!["type"] = "QuantumPrincipal";
        record["eventType"] = "AwsFutureEvent";
        record["eventCategory"] = "Telepathy";
        string json = record.ToJsonString();

        var evt = Assert.IsType<CreateVaultEvent>(GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(json)));

        var version = evt.EventVersion!.Value;
        Assert.Equal("1.10", version.Value);
        Assert.Equal((1, 10), (version.Major, version.Minor));
        Assert.True(version > new CloudTrailEventVersion("1.9"));
        Assert.True(version > new CloudTrailEventVersion("1.09"));
        Assert.True(version < new CloudTrailEventVersion("1.11"));
        Assert.True(new CloudTrailEventVersion("1.08") == new CloudTrailEventVersion("1.8"));
        Assert.Equal("QuantumPrincipal", evt.UserIdentity!.Type!.Value.Value);
        Assert.False(evt.UserIdentity.Type.Value.IsKnown);
        Assert.True(UserIdentityType.IAMUser.IsKnown);
        Assert.Equal("AwsFutureEvent", evt.EventType!.Value.Value);
        Assert.False(evt.EventType.Value.IsKnown);
        Assert.Equal("Telepathy", evt.EventCategory!.Value.Value);
        Assert.Null(evt.ExtensionData);
        Assert.Null(evt.UserIdentity.ExtensionData);
        JsonAssert.Equal(json, evt.ToJson());
    }

    private static void Write(string path, byte[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
    }
}
