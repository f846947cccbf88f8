using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GlacierTrail.Testing;

/// <summary>
/// The one way the tests write CloudTrail records and the containers that hold them. A record
/// is a list of members in the order they are set (setting a member again replaces it in
/// place), written compactly with the default JSON escaping, so any string value is carried
/// exactly. The framing helpers write a log file, NDJSON or a JSON array around records given
/// as JSON text or bytes, byte for byte, so tests can still compute offsets from the parts.
/// </summary>
internal sealed class RecordBuilder
{
    private readonly List<(string Name, string Json)> _members = [];

    /// <summary>A Glacier call as CloudTrail writes it, by an IAM user, with <c>requestParameters</c> holding <c>accountId</c> only.</summary>
    public static RecordBuilder Glacier(string eventName) => new RecordBuilder()
        .Set("eventVersion", "1.08")
        .Set("userIdentity", new RecordBuilder().Set("type", "IAMUser").Set("principalId", "AIDAEXAMPLE").Set("arn", "arn:aws:iam::111122223333:user/archive-admin").Set("accountId", "111122223333"))
        .Set("eventTime", "2025-03-14T12:00:00Z")
        .Set("eventSource", "glacier.amazonaws.com")
        .Set("eventName", eventName)
        .Set("awsRegion", "us-east-1")
        .Set("sourceIPAddress", "203.0.113.9")
        .Set("userAgent", "aws-cli/2.15.0")
        .Set("requestParameters", new RecordBuilder().Set("accountId", "-"))
        .SetJson("responseElements", "null")
        .Set("requestID", "REQUEST")
        .Set("eventID", "00000000-0000-4000-8000-000000000000")
        .Set("readOnly", false)
        .Set("eventType", "AwsApiCall")
        .Set("managementEvent", true)
        .Set("recipientAccountId", "111122223333")
        .Set("eventCategory", "Management");

    /// <summary>Sets a string member (null writes JSON null).</summary>
    public RecordBuilder Set(string name, string? value) => SetJson(name, value is null ? "null" : Quote(value));

    /// <summary>Sets an object member to the record <paramref name="value"/> builds.</summary>
    public RecordBuilder Set(string name, RecordBuilder value) => SetJson(name, value.ToString());

    /// <summary>Sets a boolean member.</summary>
    public RecordBuilder Set(string name, bool value) => SetJson(name, value ? "true" : "false");

    /// <summary>Sets a member to JSON text written as given: an object, an array, a number, or text that is not JSON at all.</summary>
    public RecordBuilder SetJson(string name, string json)
    {
        int at = _members.FindIndex(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        if (at >= 0)
        {
            _members[at] = (name, json);
        }
        else
        {
            _members.Add((name, json));
        }

        return this;
    }

    /// <summary>Removes a member, if it is there.</summary>
    public RecordBuilder Remove(string name)
    {
        _members.RemoveAll(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        return this;
    }

    /// <summary>The record as compact JSON.</summary>
    public override string ToString() => "{" + string.Join(",", _members.Select(m => Quote(m.Name) + ":" + m.Json)) + "}";

    /// <summary>A JSON string literal of <paramref name="value"/>, escaped as <see cref="Utf8JsonWriter"/> does by default.</summary>
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";

    /// <summary>What a log file holds before its first record.</summary>
    public static ReadOnlySpan<byte> LogOpen => "{\"Records\":["u8;

    /// <summary>What a log file holds after its last record.</summary>
    public static ReadOnlySpan<byte> LogClose => "]}"u8;

    /// <summary>A CloudTrail log file, <c>{"Records":[...]}</c>, with no space between the records.</summary>
    public static byte[] Log(params IEnumerable<string> records) => Log(records.Select(Encoding.UTF8.GetBytes));

    /// <summary>A CloudTrail log file of records given as bytes, which need not be valid UTF-8 or JSON.</summary>
    public static byte[] Log(params IEnumerable<byte[]> records)
    {
        using var log = new MemoryStream();
        log.Write(LogOpen);
        bool first = true;
        foreach (byte[] record in records)
        {
            if (!first)
            {
                log.WriteByte((byte)',');
            }

            log.Write(record);
            first = false;
        }

        log.Write(LogClose);
        return log.ToArray();
    }

    /// <summary>NDJSON: each record on its own line, each line ended by <c>\n</c>.</summary>
    public static byte[] Ndjson(IEnumerable<string> records) => Encoding.UTF8.GetBytes(string.Concat(records.Select(r => r + "\n")));

    /// <summary>A JSON array of records, one a line.</summary>
    public static byte[] JsonArray(IEnumerable<string> records) => Encoding.UTF8.GetBytes("[" + string.Join(",\n", records) + "]");

    /// <summary>
    /// <paramref name="count"/> records taken from <paramref name="samples"/> over and over, each
    /// a copy with its own <c>eventID</c> (<c>00000000-0000-4000-8000-{index}</c>).
    /// </summary>
    public static List<JsonObject> Repeat(IReadOnlyList<JsonObject> samples, int count)
    {
        var records = new List<JsonObject>(count);
        for (int i = 0; i < count; i++)
        {
            var record = samples[i % samples.Count].DeepClone().AsObject();
            record["eventID"] = $"00000000-0000-4000-8000-{i:D12}";
            records.Add(record);
        }

        return records;
    }
}
