using System;
using GlacierTrail.Serialization;

namespace GlacierTrail.Export;

/// <summary>One envelope column: its field, and how an event's value is written to it.</summary>
/// <param name="Field">The column.</param>
/// <param name="Payload">The payload the column holds, or null for any other member.</param>
/// <param name="Write">Writes the event's value (unused for payload columns).</param>
internal sealed record EnvelopeColumn(ColumnField Field, CloudTrailPayload? Payload, Action<IColumnWriter, CloudTrailEvent>? Write);
