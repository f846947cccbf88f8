using System;
using System.Collections.Generic;
using GlacierTrail.Serialization;

namespace GlacierTrail.Export;

/// <summary>
/// The typed export table of one event type: the envelope's columns with its
/// <c>requestparameters</c> and <c>responseelements</c> as structs, and the whole record as
/// JSON. Generated for every event type with a schema (<c>{EventName}Event.ExportTable</c>, and
/// all of them in <c>GlacierTrailEvents.ExportTables</c>).
/// </summary>
public sealed class ExportTable
{
    private readonly Func<CloudTrailEvent, IColumnObject?>? _requestParameters;
    private readonly Func<CloudTrailEvent, IColumnObject?>? _responseElements;
    private IReadOnlyList<ColumnField>? _columns;

    /// <summary>Describes the table of an event type; a payload without a shape stays JSON text.</summary>
    /// <param name="key">The event type.</param>
    /// <param name="name">The table's name: the event name in lowercase.</param>
    /// <param name="requestParameters">The struct of <c>requestParameters</c>, or null to keep it JSON.</param>
    /// <param name="getRequestParameters">Gets an event's typed <c>requestParameters</c>.</param>
    /// <param name="responseElements">The struct of <c>responseElements</c>, or null to keep it JSON.</param>
    /// <param name="getResponseElements">Gets an event's typed <c>responseElements</c>.</param>
    public ExportTable(
        CloudTrailEventKey key,
        string name,
        ColumnShape? requestParameters,
        Func<CloudTrailEvent, IColumnObject?>? getRequestParameters,
        ColumnShape? responseElements,
        Func<CloudTrailEvent, IColumnObject?>? getResponseElements)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if ((requestParameters is null) != (getRequestParameters is null) || (responseElements is null) != (getResponseElements is null))
        {
            throw new ArgumentException("A payload's shape and its getter go together.");
        }

        Key = key;
        Name = name;
        RequestParameters = requestParameters;
        ResponseElements = responseElements;
        _requestParameters = getRequestParameters;
        _responseElements = getResponseElements;
    }

    /// <summary>The event type whose events fill the table.</summary>
    public CloudTrailEventKey Key { get; }

    /// <summary>The table's name (the event name in lowercase).</summary>
    public string Name { get; }

    /// <summary>The struct of <c>requestparameters</c>; null when it stays JSON text.</summary>
    public ColumnShape? RequestParameters { get; }

    /// <summary>The struct of <c>responseelements</c>; null when it stays JSON text.</summary>
    public ColumnShape? ResponseElements { get; }

    /// <summary>The table's columns, in writing order.</summary>
    public IReadOnlyList<ColumnField> Columns => _columns ??= CloudTrailColumns.Build(this);

    /// <summary>Whether the table is for this event (same source and name).</summary>
    public bool Matches(CloudTrailEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return string.Equals(evt.EventSource, Key.EventSource, StringComparison.Ordinal)
            && string.Equals(evt.EventName, Key.EventName, StringComparison.Ordinal);
    }

    /// <summary>Writes one event as a row of this table.</summary>
    /// <exception cref="ArgumentException">The event is not of this table's type.</exception>
    public void WriteRow(IColumnWriter writer, CloudTrailEvent evt)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Matches(evt))
        {
            throw new ArgumentException($"The event {evt.EventSource}/{evt.EventName} does not belong in the table of {Key}.", nameof(evt));
        }

        CloudTrailColumns.WriteRow(writer, evt, this);
    }

    internal IColumnObject? Payload(CloudTrailEvent evt, CloudTrailPayload payload) => payload switch
    {
        CloudTrailPayload.RequestParameters => _requestParameters?.Invoke(evt),
        CloudTrailPayload.ResponseElements => _responseElements?.Invoke(evt),
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
