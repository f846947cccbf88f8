using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using GlacierTrail.Envelope;
using GlacierTrail.Serialization;

namespace GlacierTrail;

/// <summary>
/// One CloudTrail record: every envelope field, typed. Generated subclasses
/// (<c>{EventName}Event</c>) add typed <c>RequestParameters</c>, <c>ResponseElements</c> and
/// <c>AdditionalEventData</c>; <see cref="UnknownCloudTrailEvent"/> keeps them as raw JSON.
/// </summary>
/// <remarks>
/// The envelope properties are generated from the record schema's members
/// (<c>schemas/cloudtrail-record.schema.json</c>), so a member is added in one place.
/// </remarks>
public abstract partial class CloudTrailEvent
{
    /// <summary>Creates an event of a known source and name.</summary>
    protected CloudTrailEvent(string eventSource, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(eventName);
        EventSource = eventSource;
        EventName = eventName;
    }

    /// <summary>
    /// <c>eventSource</c>: the service, e.g. <c>glacier.amazonaws.com</c>. Empty for a record
    /// without a string <c>eventSource</c> (an <see cref="UnknownCloudTrailEvent"/> with a problem).
    /// </summary>
    public string EventSource { get; }

    /// <summary>
    /// <c>eventName</c>: the API action, e.g. <c>CreateVault</c>. Empty for a record without a
    /// string <c>eventName</c> (an <see cref="UnknownCloudTrailEvent"/> with a problem).
    /// </summary>
    public string EventName { get; }

    /// <summary>
    /// Members of the record that no envelope property maps to a typed value: unknown names,
    /// explicit nulls, values kept verbatim. They are written back exactly as read.
    /// </summary>
    public IReadOnlyList<RawJsonProperty>? ExtensionData { get => Fields.ExtensionData; set => Fields.ExtensionData = value; }

    /// <summary>Whether the call failed (it has an <see cref="ErrorCode"/>).</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>
    /// What in the record did not fit its schema or CloudTrail's format (a missing or repeated
    /// member, a value of another JSON type, a timestamp in another form), each with its path
    /// and the value as written; empty for a clean record. The event is still typed as far as
    /// the record goes.
    /// </summary>
    public IReadOnlyList<CloudTrailProblem> Problems => Fields.Problems ?? (IReadOnlyList<CloudTrailProblem>)Array.Empty<CloudTrailProblem>();

    /// <summary>Whether <see cref="Problems"/> has any.</summary>
    public bool HasProblems => Fields.Problems is { Length: > 0 };

    /// <summary>
    /// The 0-based index of the record this event was read from in its file, stream or log in
    /// memory, counted as <see cref="CloudTrailReadException.RecordIndex"/> counts: every record,
    /// including those <see cref="CloudTrailReaderOptions.EventFilter"/> passed over and those
    /// that could not be read. -1 for an event parsed alone
    /// (the generated <c>GlacierTrailEvents.ParseRecord</c>) or built in code.
    /// </summary>
    public long RecordIndex { get; internal set; } = -1;

    /// <summary>
    /// Writes the event back as a CloudTrail record, JSON-equal to the record it was read from.
    /// A record with a repeated member or text that is not Unicode is written back as it was
    /// read, every occurrence in place, since the typed model holds one value per member.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CloudTrailRecordWriter.Write(this, writer);
    }

    /// <summary>The event as a CloudTrail record in compact JSON.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc/>
    public override string ToString() => EventTime is { } time ? $"{time:u} {EventSource} {EventName}" : $"{EventSource} {EventName}";

    /// <summary>Generated events read the payloads their schema describes; false leaves it raw.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool ReadPayload(CloudTrailPayload payload, ref CloudTrailJsonReader reader) => false;

    /// <summary>Generated events write the typed payloads they hold; false when they hold none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool WritePayload(CloudTrailPayload payload, Utf8JsonWriter writer) => false;

    /// <summary>A payload kept verbatim (one the event type does not describe).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected RawJson? GetRawPayload(CloudTrailPayload payload) => Fields.GetRawPayload(payload);

    /// <summary>Sets a payload kept verbatim.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetRawPayload(CloudTrailPayload payload, RawJson? value) => Fields.SetRawPayload(payload, value);

    /// <summary>Adds a problem found outside the record itself (by the container it came in).</summary>
    internal void AddProblem(CloudTrailProblem problem)
    {
        var problems = Fields.Problems;
        if (problems is null)
        {
            Fields.Problems = [problem];
            return;
        }

        Array.Resize(ref problems, problems.Length + 1);
        problems[^1] = problem;
        Fields.Problems = problems;
    }

    // Held inline (a struct) rather than as an object of its own: one allocation less per record.
    internal EnvelopeFields Fields;

    internal static PayloadFlags FlagOf(CloudTrailPayload payload) => EnvelopeFields.FlagOf(payload);
}
