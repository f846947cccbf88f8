namespace GlacierTrail;

/// <summary>How the values in a source are read. <see cref="Auto"/> decides per value, from its content.</summary>
public enum CloudTrailInputFormat
{
    /// <summary>Detect each top-level value (and each element of a top-level array) by its members.</summary>
    Auto,

    /// <summary>
    /// CloudTrail records: a log file (<c>{"Records":[...]}</c>), a JSON array of records,
    /// records one after another (NDJSON), or one record.
    /// </summary>
    Records,

    /// <summary>EventBridge "AWS API Call via CloudTrail" events: the record is in <c>detail</c>.</summary>
    EventBridge,

    /// <summary>LookupEvents output: <c>{"Events":[{"CloudTrailEvent":"&lt;record as a JSON string&gt;"}]}</c>.</summary>
    LookupEvents,

    /// <summary>
    /// CloudWatch Logs subscription data: the Lambda event <c>{"awslogs":{"data":"&lt;base64 of gzip&gt;"}}</c>,
    /// or payloads (<c>{"messageType":"DATA_MESSAGE","logEvents":[...]}</c>) as Firehose writes them.
    /// </summary>
    CloudWatchLogs,
}
