using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests.Problems;

/// <summary>
/// Shapes CloudTrail records take in the wild once a log shipper, an abbreviated example or a
/// schema guess gets at them: each is delivered, typed as far as it goes, with its problems.
/// </summary>
public sealed class RecordShapeTests
{
    private static JsonObject Example() => TestLogs.ExampleRecords()[0].DeepClone().AsObject();

    private static CloudTrailEvent Parse(string json) => GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(json));

    private static void AssertProblems(CloudTrailEvent evt, params (string Path, CloudTrailProblemKind Kind)[] expected) =>
        Assert.Equal(expected, evt.Problems.Select(p => (p.Path, p.Kind)));

    [Fact]
    public void A_clean_record_has_no_problems_and_the_empty_list_is_shared()
    {
        var evt = Parse(Example().ToJsonString());

        Assert.Empty(evt.Problems);
        Assert.False(evt.HasProblems);
        Assert.Same(Parse(Example().ToJsonString()).Problems, evt.Problems);
    }

    [Fact]
    public void A_record_without_eventTime_is_delivered_with_a_null_time()
    {
        var record = Example();
        record.Remove("eventTime");

        var evt = Assert.IsType<CreateVaultEvent>(Parse(record.ToJsonString()));

        Assert.Null(evt.EventTime);
        AssertProblems(evt, ("eventTime", CloudTrailProblemKind.MissingMember));
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Fact]
    public void A_shipper_that_renamed_eventTime_to_at_timestamp_loses_nothing()
    {
        var record = Example();
        string time = (string)record["eventTime"]!;
        record.Remove("eventTime");
        record["@timestamp"] = time;

        var evt = Parse(record.ToJsonString());

        Assert.Null(evt.EventTime);
        AssertProblems(evt, ("eventTime", CloudTrailProblemKind.MissingMember));
        Assert.Equal($"\"{time}\"", Assert.Single(evt.ExtensionData!, p => p.Name == "@timestamp").Value.ToString());
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Fact]
    public void A_record_without_eventSource_is_an_unknown_event_with_a_problem()
    {
        var record = Example();
        record.Remove("eventSource");

        var evt = Assert.IsType<UnknownCloudTrailEvent>(Parse(record.ToJsonString()));

        Assert.Equal(("", "CreateVault"), (evt.EventSource, evt.EventName));
        AssertProblems(evt, ("eventSource", CloudTrailProblemKind.MissingMember));
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Fact]
    public void A_repeated_member_takes_the_last_value_is_flagged_and_writes_back_every_occurrence()
    {
        var record = Example();
        record.Remove("readOnly");
        string json = "{\"readOnly\":true,\"readOnly\":false," + record.ToJsonString()[1..];

        var evt = Parse(json);

        Assert.False(evt.ReadOnly);
        AssertProblems(evt, ("readOnly", CloudTrailProblemKind.RepeatedMember));
        Assert.Equal(json, evt.ToJson());
    }

    [Fact]
    public void A_repeated_eventName_dispatches_on_the_last_one()
    {
        string json = Example().ToJsonString().Replace("\"eventName\":\"CreateVault\"", "\"eventName\":\"DeleteVault\",\"eventName\":\"CreateVault\"", StringComparison.Ordinal);

        var evt = Parse(json);

        Assert.IsType<CreateVaultEvent>(evt);
        AssertProblems(evt, ("eventName", CloudTrailProblemKind.RepeatedMember));
        Assert.Equal("myVaultName", ((CreateVaultEvent)evt).RequestParameters?.VaultName);
    }

    [Theory]
    [InlineData("glacier.amazonaws.com", "s3.amazonaws.com", 0)]
    [InlineData("s3.amazonaws.com", "glacier.amazonaws.com", 1)]
    public async Task A_repeated_eventSource_cannot_slip_past_a_filter_the_typed_read_would_not_pass(string first, string last, int delivered)
    {
        // The filter, the skim behind it and the typed read all take the last occurrence.
        var record = Example();
        string json = record.ToJsonString().Replace("\"eventSource\":\"glacier.amazonaws.com\"", $"\"eventSource\":\"{first}\",\"eventSource\":\"{last}\"", StringComparison.Ordinal);
        byte[] log = RecordBuilder.Log(Example().ToJsonString(), json, Example().ToJsonString());
        var seen = new List<string>();
        var options = new CloudTrailReaderOptions
        {
            EventFilter = (source, name) =>
            {
                seen.Add(Encoding.UTF8.GetString(source));
                return source.SequenceEqual("glacier.amazonaws.com"u8);
            },
        };

        var events = await TestLogs.ReadAllAsync(log, options);

        Assert.Equal(2 + delivered, events.Count);
        Assert.Equal(["glacier.amazonaws.com", last, "glacier.amazonaws.com"], seen);
        Assert.All(events, e => Assert.Equal("glacier.amazonaws.com", e.EventSource));
        Assert.Equal(last, Parse(json).EventSource);
    }

    [Fact]
    public void LookupEvents_entries_may_hold_the_record_as_an_object_or_be_the_record_itself()
    {
        string record = Example().ToJsonString();
        string json = $"{{\"Events\":[{{\"EventId\":\"a\",\"CloudTrailEvent\":{record}}},{record}]}}";

        var events = GlacierTrailEvents.Read(Encoding.UTF8.GetBytes(json)).ToList();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.IsType<CreateVaultEvent>(e));
        Assert.Empty(events[0].Problems);
        AssertProblems(events[1], ("", CloudTrailProblemKind.UnknownContainerShape));
        JsonAssert.Equal(record, events[1].ToJson());
    }

    [Fact]
    public void A_space_separated_timestamp_is_read_as_UTC_written_back_verbatim_and_flagged()
    {
        var record = Example();
        record["eventTime"] = "2014-12-10 19:05:15.123";

        var evt = Parse(record.ToJsonString());

        Assert.Equal(new DateTimeOffset(2014, 12, 10, 19, 5, 15, 123, TimeSpan.Zero), evt.EventTime);
        AssertProblems(evt, ("eventTime", CloudTrailProblemKind.NonCanonicalTimestamp));
        Assert.Contains("\"eventTime\":\"2014-12-10 19:05:15.123\"", evt.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_timestamp_is_null_kept_and_flagged()
    {
        var record = Example();
        record["eventTime"] = "yesterday";

        var evt = Parse(record.ToJsonString());

        Assert.Null(evt.EventTime);
        var problem = Assert.Single(evt.Problems);
        Assert.Equal(("eventTime", CloudTrailProblemKind.UnreadableTimestamp, "\"yesterday\""), (problem.Path, problem.Kind, problem.RawValue?.ToString()));
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Theory]
    [InlineData("recipientAccountId", "123456789012.0", "recipientAccountId", CloudTrailProblemKind.WrongType)]
    [InlineData("readOnly", "\"True\"", "readOnly", CloudTrailProblemKind.WrongType)]
    [InlineData("resources", "\"arn:aws:glacier:us-east-1:123456789012:vaults/v\"", "resources", CloudTrailProblemKind.WrongType)]
    [InlineData("resources", "[{\"ARN\":\"a\"},\"b\",{\"ARN\":\"c\"}]", "resources[1]", CloudTrailProblemKind.WrongType)]
    [InlineData("eventVersion", "1.08", "eventVersion", CloudTrailProblemKind.WrongType)]
    public void An_envelope_member_of_another_type_is_null_kept_verbatim_and_flagged(string member, string value, string path, CloudTrailProblemKind kind)
    {
        var record = Example();
        record[member] = JsonNode.Parse(value);

        var evt = Parse(record.ToJsonString());

        var problem = Assert.Single(evt.Problems);
        Assert.Equal((path, kind), (problem.Path, problem.Kind));
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Fact]
    public void A_resources_array_keeps_the_items_that_fit()
    {
        var record = Example();
        record["resources"] = JsonNode.Parse("[{\"ARN\":\"a\"},\"b\",{\"ARN\":\"c\"}]");

        var evt = Parse(record.ToJsonString());

        Assert.Equal(["a", "c"], evt.Resources!.Select(r => r.Arn));
    }

    [Fact]
    public void A_payload_that_is_not_an_object_is_kept_verbatim_and_flagged()
    {
        var record = Example();
        record["requestParameters"] = "vault=myVaultName";

        var evt = Assert.IsType<CreateVaultEvent>(Parse(record.ToJsonString()));

        Assert.Null(evt.RequestParameters);
        AssertProblems(evt, ("requestParameters", CloudTrailProblemKind.WrongType));
        JsonAssert.Equal(record.ToJsonString(), evt.ToJson());
    }

    [Fact]
    public void A_required_id_the_inferred_schema_expects_is_null_when_absent()
    {
        const string json = """{"eventVersion":"1.08","eventTime":"2025-03-14T10:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"AbortMultipartUpload","requestParameters":{"accountId":"-","vaultName":"v"}}""";

        var evt = Assert.IsType<AbortMultipartUploadEvent>(Parse(json));

        Assert.Null(evt.RequestParameters!.UploadId);
        AssertProblems(evt, ("requestParameters.uploadId", CloudTrailProblemKind.MissingMember));
        var strict = Assert.Throws<CloudTrailReadException>(() => GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(json), new CloudTrailReaderOptions { Strict = true }));
        Assert.Contains("uploadId", strict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_as_a_top_level_member_name_is_delivered()
    {
        var evt = Assert.IsType<UnknownCloudTrailEvent>(GlacierTrailEvents.Read("{\"\\ud800\":1}"u8.ToArray()).Single());

        Assert.Contains(evt.Problems, p => p.Kind == CloudTrailProblemKind.InvalidUnicode);
        Assert.Equal("{\"\\ud800\":1}", evt.ToJson());
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_value_becomes_U_FFFD_and_the_escape_is_written_back()
    {
        string json = Example().ToJsonString().Replace("\"myVaultName\"", "\"my\\udc00Vault\"", StringComparison.Ordinal);

        var evt = Assert.IsType<CreateVaultEvent>(Parse(json));

        Assert.Equal("my\uFFFDVault", evt.RequestParameters?.VaultName);
        var problem = Assert.Single(evt.Problems);
        Assert.Equal(("requestParameters.vaultName", CloudTrailProblemKind.InvalidUnicode), (problem.Path, problem.Kind));
        Assert.Equal(json, evt.ToJson());
        Assert.Throws<CloudTrailReadException>(() => GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(json), new CloudTrailReaderOptions { Strict = true }));
    }

    [Fact]
    public void An_error_carries_the_bytes_of_the_record_it_could_delimit()
    {
        string good = Example().ToJsonString();
        string bad = good.Replace("\"awsRegion\":", "\"awsRegion\"", StringComparison.Ordinal);
        byte[] log = RecordBuilder.Log(good, bad, good);
        var errors = new List<CloudTrailReadException>();

        var events = GlacierTrailEvents.Read(log, new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add }).ToList();

        Assert.Equal(2, events.Count);
        var error = Assert.Single(errors);
        Assert.Equal(bad, Encoding.UTF8.GetString(error.RawRecord.Span));
        Assert.False(error.RawRecordTruncated);
    }

    [Fact]
    public void A_record_over_the_limit_carries_its_bytes_cut_at_the_limit()
    {
        var record = Example();
        record["userAgent"] = new string('u', 5000);
        byte[] log = RecordBuilder.Log(record.ToJsonString());
        var errors = new List<CloudTrailReadException>();

        _ = GlacierTrailEvents.Read(log, new CloudTrailReaderOptions { MaxRecordBytes = 4096, ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add }).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(4096, error.RawRecord.Length);
        Assert.True(error.RawRecordTruncated);
        Assert.StartsWith(Encoding.UTF8.GetString(error.RawRecord.Span), record.ToJsonString(), StringComparison.Ordinal);
    }
}
