namespace GlacierTrail.Framing;

/// <summary>What a top-level JSON object in a source is.</summary>
internal enum ValueShape
{
    /// <summary>A CloudTrail record.</summary>
    Record,

    /// <summary>A log file object whose <c>Records</c> member is not its first (so it could not be streamed).</summary>
    RecordsWrapper,

    /// <summary>An EventBridge event; the record is in <c>detail</c>.</summary>
    EventBridge,

    /// <summary>LookupEvents output: <c>Events</c> entries.</summary>
    LookupEvents,

    /// <summary>One LookupEvents entry: the record is the string <c>CloudTrailEvent</c>.</summary>
    LookupEntry,

    /// <summary>A CloudWatch Logs subscription payload: records are the <c>logEvents[].message</c> strings.</summary>
    CloudWatchPayload,

    /// <summary>The Lambda event of a CloudWatch Logs subscription: base64 of gzip of payloads.</summary>
    CloudWatchLambda,

    /// <summary>A CloudTrail digest file: never a log.</summary>
    Digest,
}
