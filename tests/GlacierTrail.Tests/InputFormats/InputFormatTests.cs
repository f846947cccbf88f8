using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// One test per input format the reader accepts, each on a realistic sample under
/// TestData/inputs: the typed events, their order, and that each event writes back JSON-equal
/// to the record inside the input.
/// </summary>
public sealed class InputFormatTests
{
    private static readonly int[] WholeLog = [0, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public async Task A_cloudtrail_log_file_is_read()
    {
        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("cloudtrail-log.json"));

        InputSamples.AssertLogRecords(events, WholeLog);
    }

    [Fact]
    public async Task A_gzip_cloudtrail_log_file_is_read_with_or_without_the_gz_name()
    {
        byte[] gzip = InputSamples.Bytes("cloudtrail-log.json.gz");
        Assert.Equal(new byte[] { 0x1F, 0x8B }, gzip[..2]);

        InputSamples.AssertLogRecords(await TestLogs.ReadFileAsync(InputSamples.PathOf("cloudtrail-log.json.gz")), WholeLog);
        InputSamples.AssertLogRecords(await TestLogs.ReadAllAsync(gzip), WholeLog);

        string folder = TestLogs.TempFolder();
        try
        {
            string renamed = Path.Combine(folder, "123456789012_CloudTrail_eu-central-1_20250424T1835Z_cR9ra7OH1rytWyXY.json");
            await File.WriteAllBytesAsync(renamed, gzip);

            InputSamples.AssertLogRecords(await TestLogs.ReadFileAsync(renamed), WholeLog);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Gzip_ndjson_is_read()
    {
        byte[] gzip = InputSamples.Bytes("records.ndjson.gz");
        string ndjson = Inflate(gzip);
        Assert.Equal(8, ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("records.ndjson.gz"));

        InputSamples.AssertLogRecords(events, WholeLog);
    }

    [Fact]
    public async Task A_json_array_of_records_is_read()
    {
        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("records-array.json"));

        InputSamples.AssertLogRecords(events, 3, 4, 5);
    }

    [Fact]
    public async Task One_bare_record_is_read()
    {
        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("bare-record.json"));

        InputSamples.AssertLogRecords(events, 1);
    }

    [Fact]
    public async Task An_eventbridge_event_is_read_as_its_detail()
    {
        var envelope = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("eventbridge-event.json")));
        AssertEventBridgeEnvelope(envelope);

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("eventbridge-event.json"));

        InputSamples.AssertLogRecords(events, 0);
        JsonAssert.Equal(envelope.GetProperty("detail"), TestLogs.Element(events[0].ToJson()));
    }

    [Fact]
    public async Task An_array_of_eventbridge_events_is_read()
    {
        var envelopes = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("eventbridge-events-array.json")));
        Assert.All(envelopes.EnumerateArray(), AssertEventBridgeEnvelope);

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("eventbridge-events-array.json"));

        InputSamples.AssertLogRecords(events, 1, 3, 5);
    }

    [Fact]
    public async Task Ndjson_of_eventbridge_events_is_read_for_any_service()
    {
        var sources = File.ReadAllLines(InputSamples.PathOf("eventbridge-events.ndjson"))
            .Select(line => TestLogs.Element(line).GetProperty("source").GetString());
        Assert.Equal(["aws.kms", "aws.glacier", "aws.s3"], sources);

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("eventbridge-events.ndjson"));

        InputSamples.AssertLogRecords(events, 2, 6, 4);
    }

    [Fact]
    public async Task LookupEvents_output_is_read_from_the_CloudTrailEvent_strings()
    {
        var output = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("lookup-events.json")));
        var first = output.GetProperty("Events")[0];
        Assert.Equal(JsonValueKind.String, first.GetProperty("CloudTrailEvent").ValueKind);
        Assert.Equal("false", first.GetProperty("ReadOnly").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("EventTime").ValueKind);
        Assert.True(output.TryGetProperty("NextToken", out _));

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("lookup-events.json"));

        InputSamples.AssertLogRecords(events, 0, 1, 2, 3, 4);
    }

    [Fact]
    public async Task LookupEvents_output_with_NextToken_first_is_read_the_same()
    {
        var output = JsonNode.Parse(InputSamples.Bytes("lookup-events.json"))!.AsObject();
        var reordered = new JsonObject
        {
            ["NextToken"] = output["NextToken"]!.DeepClone(),
            ["Events"] = output["Events"]!.DeepClone(),
        };

        var events = await TestLogs.ReadAllAsync(Encoding.UTF8.GetBytes(reordered.ToJsonString()));

        InputSamples.AssertLogRecords(events, 0, 1, 2, 3, 4);
    }

    [Fact]
    public async Task A_cloudwatch_logs_lambda_event_is_read_from_its_base64_gzip_data()
    {
        var lambda = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("cloudwatch-lambda-event.json")));
        string payload = Inflate(Convert.FromBase64String(lambda.GetProperty("awslogs").GetProperty("data").GetString()!));
        JsonAssert.Equal(File.ReadAllText(InputSamples.PathOf("cloudwatch-lambda-payload.json")), payload);

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("cloudwatch-lambda-event.json"));

        InputSamples.AssertLogRecords(events, 0, 1, 2, 3);
    }

    [Fact]
    public async Task A_cloudwatch_logs_payload_is_read_from_its_log_event_messages()
    {
        var payload = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("cloudwatch-lambda-payload.json")));
        Assert.Equal("DATA_MESSAGE", payload.GetProperty("messageType").GetString());

        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf("cloudwatch-lambda-payload.json"));

        InputSamples.AssertLogRecords(events, 0, 1, 2, 3);
    }

    [Fact]
    public async Task A_firehose_object_of_concatenated_payloads_is_read_and_its_control_message_skipped_with_a_notice()
    {
        string content = Inflate(InputSamples.Bytes("firehose-object.gz"));
        Assert.Contains("}{\"messageType\":\"CONTROL_MESSAGE\"", content, StringComparison.Ordinal);
        var notices = new List<string>();
        string path = InputSamples.PathOf("firehose-object.gz");

        var events = await TestLogs.ReadFileAsync(path, new CloudTrailReaderOptions { OnNotice = notices.Add });

        InputSamples.AssertLogRecords(events, WholeLog);
        string notice = Assert.Single(notices);
        Assert.Contains("CONTROL_MESSAGE", notice, StringComparison.Ordinal);
        Assert.Contains(path, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_file_given_directly_is_recognised_by_its_content_and_skipped_with_a_notice()
    {
        var digest = TestLogs.Element(File.ReadAllText(InputSamples.PathOf("digest.json")));
        Assert.True(digest.TryGetProperty("digestStartTime", out _));
        Assert.Equal(JsonValueKind.Array, digest.GetProperty("logFiles").ValueKind);
        var notices = new List<string>();
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions { OnNotice = notices.Add, ErrorHandling = CloudTrailErrorHandling.Skip, OnError = errors.Add };
        string path = InputSamples.PathOf("digest.json");

        Assert.Empty(await TestLogs.ReadFileAsync(path, options));
        Assert.Empty(await TestLogs.ReadAllAsync(TestLogs.Gzip(InputSamples.Bytes("digest.json")), options, "digest.json.gz"));

        Assert.Empty(errors);
        Assert.Equal(2, notices.Count);
        Assert.Contains(path, notices[0], StringComparison.Ordinal);
        Assert.Contains("digest", notices[0], StringComparison.Ordinal);
        Assert.Contains("digest.json.gz", notices[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eventbridge-event.json", CloudTrailInputFormat.EventBridge, new[] { 0 })]
    [InlineData("eventbridge-events-array.json", CloudTrailInputFormat.EventBridge, new[] { 1, 3, 5 })]
    [InlineData("eventbridge-events.ndjson", CloudTrailInputFormat.EventBridge, new[] { 2, 6, 4 })]
    [InlineData("bare-record.json", CloudTrailInputFormat.Records, new[] { 1 })]
    [InlineData("records-array.json", CloudTrailInputFormat.Records, new[] { 3, 4, 5 })]
    [InlineData("cloudtrail-log.json.gz", CloudTrailInputFormat.Records, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("records.ndjson.gz", CloudTrailInputFormat.Records, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData("lookup-events.json", CloudTrailInputFormat.LookupEvents, new[] { 0, 1, 2, 3, 4 })]
    [InlineData("cloudwatch-lambda-event.json", CloudTrailInputFormat.CloudWatchLogs, new[] { 0, 1, 2, 3 })]
    [InlineData("cloudwatch-lambda-payload.json", CloudTrailInputFormat.CloudWatchLogs, new[] { 0, 1, 2, 3 })]
    [InlineData("firehose-object.gz", CloudTrailInputFormat.CloudWatchLogs, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    public async Task A_forced_format_reads_its_own_input(string sample, CloudTrailInputFormat format, int[] positions)
    {
        var events = await TestLogs.ReadFileAsync(InputSamples.PathOf(sample), new CloudTrailReaderOptions { Format = format });

        InputSamples.AssertLogRecords(events, positions);
    }

    [Theory]
    [InlineData("bare-record.json", CloudTrailInputFormat.EventBridge, "expected an EventBridge event with the record in 'detail'")]
    [InlineData("eventbridge-event.json", CloudTrailInputFormat.Records, "the record has no string 'eventSource'")]
    [InlineData("cloudtrail-log.json", CloudTrailInputFormat.LookupEvents, "expected 'Events' to be an array of records")]
    [InlineData("bare-record.json", CloudTrailInputFormat.LookupEvents, "expected 'Events' to be an array of records")]
    [InlineData("cloudtrail-log.json", CloudTrailInputFormat.CloudWatchLogs, "expected a CloudWatch Logs payload with a 'logEvents' array")]
    [InlineData("lookup-events.json", CloudTrailInputFormat.EventBridge, "expected an EventBridge event with the record in 'detail'")]
    public async Task A_forced_format_that_does_not_match_the_input_gives_a_clear_error(string sample, CloudTrailInputFormat format, string expected)
    {
        string path = InputSamples.PathOf(sample);

        var (events, error) = await TestLogs.ReadUntilErrorAsync(GlacierTrailEvents.ReadFileAsync(path, new CloudTrailReaderOptions { Format = format, Strict = true }));

        Assert.Empty(events);
        Assert.NotNull(error);
        Assert.Equal(path, error.Source);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_json_sample_reads_under_auto_detection_and_writes_back_json_equal()
    {
        // The samples whose records are visible in the file itself (not base64 or gzip inside).
        foreach (string sample in new[] { "cloudtrail-log.json", "records-array.json", "bare-record.json" })
        {
            byte[] input = InputSamples.Bytes(sample);
            var records = TestLogs.RecordsIn(input);

            var events = await TestLogs.ReadAllAsync(input);

            InputSamples.AssertDelivered(records, events);
        }
    }

    private static void AssertEventBridgeEnvelope(JsonElement envelope)
    {
        Assert.Equal("AWS API Call via CloudTrail", envelope.GetProperty("detail-type").GetString());
        Assert.Equal("0", envelope.GetProperty("version").GetString());
        string source = envelope.GetProperty("source").GetString()!;
        string eventSource = envelope.GetProperty("detail").GetProperty("eventSource").GetString()!;
        Assert.Equal("aws." + eventSource.Split('.')[0], source);
    }

    private static string Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
