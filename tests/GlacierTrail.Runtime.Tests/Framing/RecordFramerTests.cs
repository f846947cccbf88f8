using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using GlacierTrail.Framing;
using GlacierTrail.Reading;
using Xunit;

namespace GlacierTrail.Runtime.Tests;

/// <summary>
/// The framer's jobs one at a time: the state machine (how much of a buffer it consumes and
/// when it is done), unwrapping each input shape, filtering, and recovery from damage.
/// </summary>
public sealed class RecordFramerTests
{
    private static readonly CloudTrailReaderOptions Skip = new() { ErrorHandling = CloudTrailErrorHandling.Skip };

    [Fact]
    public void A_log_cut_inside_a_record_is_consumed_up_to_that_record()
    {
        byte[] log = Records.Log(Records.Record("A"), Records.Record("B"));
        int cut = Encoding.UTF8.GetString(log).IndexOf("\"eventName\":\"B\"", StringComparison.Ordinal);
        int recordB = Encoding.UTF8.GetString(log).LastIndexOf('{', cut);
        var framer = new RecordFramer(Records.NoSchemas, Skip, "log");
        var items = new List<ReadItem>();

        int consumed = framer.Process(log.AsSpan(0, cut), isFinal: false, 0, items);

        Assert.Equal(["event 0 A"], Records.Describe(items));
        Assert.InRange(consumed, recordB - 2, recordB);
        Assert.False(framer.IsDone);

        items.Clear();
        int rest = framer.Process(log.AsSpan(consumed), isFinal: true, consumed, items);

        Assert.Equal(["event 1 B"], Records.Describe(items));
        Assert.Equal(log.Length - consumed, rest);
        Assert.True(framer.IsDone);
    }

    [Fact]
    public void A_byte_order_mark_and_whitespace_before_the_log_are_passed_over()
    {
        byte[] log = [.. "\uFEFF"u8, .. " \r\n\t"u8, .. Records.Log(Records.Record("A"))];

        Assert.Equal(["event 0 A"], Frame(log));
    }

    [Fact]
    public void A_log_that_ends_inside_its_records_array_is_an_error_after_its_records()
    {
        var items = Frame(Encoding.UTF8.GetBytes($$"""{"Records":[{{Records.Record("A")}},"""));

        Assert.Equal("event 0 A", items[0]);
        Assert.Contains("before the records array is closed", items[1], StringComparison.Ordinal);
        Assert.Equal(2, items.Count);
    }

    public static TheoryData<string, string> Shapes() => new()
    {
        { "EventBridge", $$"""{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.glacier","detail":{{Records.Record("A")}}}""" },
        { "LookupEvents entry, record as a string", $$"""{"Events":[{"EventId":"1","EventName":"A","CloudTrailEvent":{{JsonSerializer.Serialize(Records.Record("A"))}}}]}""" },
        { "LookupEvents entry, record as an object", $$"""{"Events":[{"EventId":"1","EventName":"A","CloudTrailEvent":{{Records.Record("A")}}}]}""" },
        { "CloudWatch Logs payload", $$"""{"messageType":"DATA_MESSAGE","logGroup":"g","logEvents":[{"id":"1","timestamp":0,"message":{{JsonSerializer.Serialize(Records.Record("A"))}}}]}""" },
        { "Records not first", $$"""{"other":1,"Records":[{{Records.Record("A")}}]}""" },
        { "top-level array", $$"""[{{Records.Record("A")}}]""" },
        { "bare record", Records.Record("A") },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_input_shape_is_unwrapped_to_its_record(string shape, string json)
    {
        Assert.True(Frame(Encoding.UTF8.GetBytes(json)) is ["event 0 A"], shape);
    }

    [Fact]
    public void A_CloudWatch_Logs_Lambda_event_is_inflated_and_framed()
    {
        string payload = $$"""{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","message":{{JsonSerializer.Serialize(Records.Record("A"))}}},{"id":"2","message":{{JsonSerializer.Serialize(Records.Record("B"))}}}]}""";
        string lambda = $$$"""{"awslogs":{"data":"{{{Convert.ToBase64String(Records.Gzip(Encoding.UTF8.GetBytes(payload)))}}}"}}""";

        Assert.Equal(["event 0 A", "event 1 B"], Frame(Encoding.UTF8.GetBytes(lambda)));
    }

    [Fact]
    public void A_CloudWatch_Logs_control_message_is_a_notice()
    {
        var notices = new List<string>();
        var options = new CloudTrailReaderOptions { OnNotice = notices.Add };

        Assert.Empty(Frame("""{"messageType":"CONTROL_MESSAGE","logEvents":[]}"""u8.ToArray(), options));
        Assert.Single(notices, n => n.Contains("CONTROL_MESSAGE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rejected_record_is_passed_over_but_counted()
    {
        var options = new CloudTrailReaderOptions { EventFilter = static (_, name) => !name.SequenceEqual("B"u8) };
        byte[] log = Records.Log(Records.Record("A"), Records.Record("B"), Records.Record("C"));

        Assert.Equal(["event 0 A", "event 2 C"], Frame(log, options));
        Assert.Equal(["event 0 A", "event 2 C"], Frame(Records.Lines(Records.Record("A"), Records.Record("B"), Records.Record("C")), options));
    }

    [Fact]
    public void A_rejected_record_inside_a_container_is_passed_over_but_counted()
    {
        var options = new CloudTrailReaderOptions { EventFilter = static (_, name) => !name.SequenceEqual("A"u8) };
        string events = $$"""{"Events":[{"CloudTrailEvent":{{Records.Record("A")}}},{"CloudTrailEvent":{{Records.Record("B")}}}]}""";

        Assert.Equal(["event 1 B"], Frame(Encoding.UTF8.GetBytes(events), options));
    }

    [Fact]
    public void A_damaged_record_in_the_records_array_costs_only_itself()
    {
        string damaged = Records.Record("B").Replace("\"awsRegion\":", "\"awsRegion\" ", StringComparison.Ordinal);
        var items = Frame(Records.Log(Records.Record("A"), damaged, Records.Record("C")));

        Assert.Equal(3, items.Count);
        Assert.Equal("event 0 A", items[0]);
        Assert.StartsWith("error 1 at ", items[1], StringComparison.Ordinal);
        Assert.Contains("invalid JSON", items[1], StringComparison.Ordinal);
        Assert.Equal("event 2 C", items[2]);
    }

    [Fact]
    public void Damage_whose_brackets_do_not_balance_is_resynchronised_at_the_next_record()
    {
        // Cut inside a string by a control character: invalid, and nothing closes its brackets.
        string damaged = Records.Record("B")[..40] + "\u0001[[";
        var items = Frame(Records.Log(Records.Record("A"), damaged, Records.Record("C")));

        Assert.Equal("event 0 A", items[0]);
        Assert.StartsWith("error 1 at ", items[1], StringComparison.Ordinal);
        Assert.Equal("event 2 C", items[^1]);
    }

    [Fact]
    public void A_line_that_is_not_json_costs_only_itself()
    {
        var items = Frame(Records.Lines(Records.Record("A"), "# a comment", Records.Record("C")));

        Assert.Equal(3, items.Count);
        Assert.Equal("event 0 A", items[0]);
        Assert.Contains("found '#'", items[1], StringComparison.Ordinal);
        Assert.Equal("event 1 C", items[2]);
    }

    [Fact]
    public void A_record_over_the_limit_is_reported_and_passed_over_without_being_held()
    {
        var options = new CloudTrailReaderOptions { ErrorHandling = CloudTrailErrorHandling.Skip, MaxRecordBytes = 1024 };
        byte[] log = Records.Log(Records.Record("A"), Records.Record("Big", padding: new string('x', 4096)), Records.Record("C"));
        var framer = new RecordFramer(Records.NoSchemas, options, "log");
        var items = new List<ReadItem>();

        // In pieces smaller than the big record, as a stream would arrive with a small buffer.
        int start = 0;
        for (int end = 512; ; end += 512)
        {
            end = Math.Min(end, log.Length);
            start += framer.Process(log.AsSpan(start, end - start), end == log.Length, start, items);
            Assert.True(end - start <= 2048, "the framer held more than the limit of one record");
            if (end == log.Length)
            {
                break;
            }
        }

        Assert.True(framer.IsDone);

        Assert.Equal(3, items.Count);
        Assert.Equal("event 0 A", Records.Describe(items)[0]);
        Assert.Contains("MaxRecordBytes (1024)", Records.Describe(items)[1], StringComparison.Ordinal);
        Assert.Equal("event 2 C", Records.Describe(items)[2]);
    }

    private static List<string> Frame(byte[] data, CloudTrailReaderOptions? options = null)
    {
        var framer = new RecordFramer(Records.NoSchemas, options ?? Skip, "test");
        var items = new List<ReadItem>();
        int consumed = framer.Process(data, isFinal: true, 0, items);
        Assert.True(framer.IsDone);
        Assert.Equal(data.Length, consumed);
        return Records.Describe(items);
    }
}
