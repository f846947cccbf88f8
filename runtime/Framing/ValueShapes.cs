using System;
using System.Text.Json;
using GlacierTrail.Envelope;
using GlacierTrail.Serialization;

namespace GlacierTrail.Framing;

/// <summary>Tells what a top-level JSON object is from its member names, and finds members without reading the rest.</summary>
internal static class ValueShapes
{
    /// <summary>
    /// Decides what an object is from its member names. An object whose first member is an
    /// envelope field is a record at once, so plain records (the common case) cost one name.
    /// </summary>
    public static ValueShape Classify(ReadOnlySpan<byte> obj, CloudTrailInputFormat format)
    {
        var reader = new Utf8JsonReader(obj);
        reader.Read();
        bool first = true;
        Members seen = Members.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (first && format is CloudTrailInputFormat.Auto or CloudTrailInputFormat.Records && !reader.ValueIsEscaped
                && EnvelopeFieldNames.Identify(reader.ValueSpan) != EnvelopeField.Unknown)
            {
                return ValueShape.Record;
            }

            first = false;
            seen |= Identify(ref reader);
            reader.Read();
            reader.Skip();
        }

        return format switch
        {
            CloudTrailInputFormat.Records => Has(seen, Members.Records) && !Has(seen, Members.EventName) ? ValueShape.RecordsWrapper : ValueShape.Record,
            CloudTrailInputFormat.EventBridge => ValueShape.EventBridge,
            CloudTrailInputFormat.LookupEvents => Has(seen, Members.CloudTrailEvent) ? ValueShape.LookupEntry : ValueShape.LookupEvents,
            CloudTrailInputFormat.CloudWatchLogs => Has(seen, Members.AwsLogs) ? ValueShape.CloudWatchLambda : ValueShape.CloudWatchPayload,
            _ => Detect(seen),
        };
    }

    private static ValueShape Detect(Members seen)
    {
        if (Has(seen, Members.EventName))
        {
            return ValueShape.Record;
        }

        if (Has(seen, Members.AwsLogs))
        {
            return ValueShape.CloudWatchLambda;
        }

        if (Has(seen, Members.MessageType) || Has(seen, Members.LogEvents))
        {
            return ValueShape.CloudWatchPayload;
        }

        if (Has(seen, Members.Detail) && Has(seen, Members.DetailType))
        {
            return ValueShape.EventBridge;
        }

        if (Has(seen, Members.Digest))
        {
            return ValueShape.Digest;
        }

        if (Has(seen, Members.Records))
        {
            return ValueShape.RecordsWrapper;
        }

        if (Has(seen, Members.Events))
        {
            return ValueShape.LookupEvents;
        }

        return Has(seen, Members.CloudTrailEvent) ? ValueShape.LookupEntry : ValueShape.Record;
    }

    private static Members Identify(ref Utf8JsonReader reader)
    {
        if (JsonStrings.TextEquals(in reader, EnvelopeFieldNames.EventNameUtf8) || JsonStrings.TextEquals(in reader, EnvelopeFieldNames.EventSourceUtf8))
        {
            return Members.EventName;
        }

        if (JsonStrings.TextEquals(in reader, "Records"u8))
        {
            return Members.Records;
        }

        if (JsonStrings.TextEquals(in reader, "Events"u8))
        {
            return Members.Events;
        }

        if (JsonStrings.TextEquals(in reader, "CloudTrailEvent"u8))
        {
            return Members.CloudTrailEvent;
        }

        if (JsonStrings.TextEquals(in reader, "detail"u8))
        {
            return Members.Detail;
        }

        if (JsonStrings.TextEquals(in reader, "detail-type"u8))
        {
            return Members.DetailType;
        }

        if (JsonStrings.TextEquals(in reader, "messageType"u8))
        {
            return Members.MessageType;
        }

        if (JsonStrings.TextEquals(in reader, "logEvents"u8))
        {
            return Members.LogEvents;
        }

        if (JsonStrings.TextEquals(in reader, "awslogs"u8))
        {
            return Members.AwsLogs;
        }

        return JsonStrings.TextEquals(in reader, "digestStartTime"u8) || JsonStrings.TextEquals(in reader, "logFiles"u8) ? Members.Digest : Members.None;
    }

    private static bool Has(Members seen, Members member) => (seen & member) != 0;

    [Flags]
    private enum Members
    {
        None = 0,
        EventName = 1,
        Records = 2,
        Events = 4,
        CloudTrailEvent = 8,
        Detail = 16,
        DetailType = 32,
        MessageType = 64,
        LogEvents = 128,
        AwsLogs = 256,
        Digest = 512,
    }

    /// <summary>Finds a member of an object (the last one, if repeated) and returns its value's range.</summary>
    public static bool TryGetMember(ReadOnlySpan<byte> obj, ReadOnlySpan<byte> name, out int start, out int length)
    {
        var reader = new Utf8JsonReader(obj);
        reader.Read();
        start = length = 0;
        bool found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool match = JsonStrings.TextEquals(in reader, name);
            reader.Read();
            if (match)
            {
                start = (int)reader.TokenStartIndex;
                found = true;
            }

            reader.Skip();
            if (match)
            {
                length = (int)reader.BytesConsumed - start;
            }
        }

        return found;
    }
}
