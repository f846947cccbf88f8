using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using GlacierTrail.Serialization;

namespace GlacierTrail.Export;

/// <summary>
/// The envelope's columns, in the names, order and nesting of AWS's CloudTrail table for Athena
/// (lowercase JSON names; the envelope's objects and lists of objects as structs made from the
/// envelope schema), and how an event fills them. The list is generated from the envelope
/// schema's members, so a member added there gets its column too; the <c>cloudtrail</c> table
/// and every typed table are made from it.
/// </summary>
/// <remarks>
/// Where the columns differ from AWS's table: <c>eventtime</c> is a timestamp and
/// <c>readonly</c> and <c>managementevent</c> are booleans, not strings; the nested structs carry
/// every member the envelope schema names, typed as the schema types them. The payloads
/// (<c>requestparameters</c>, <c>responseelements</c>, <c>additionaleventdata</c>,
/// <c>serviceeventdetails</c>) are JSON text, as in AWS's table, except in a typed table.
/// </remarks>
public static partial class CloudTrailColumns
{
    /// <summary>The name of the <c>cloudtrail</c> table, which holds every exported event.</summary>
    public const string TableName = "cloudtrail";

    /// <summary>The column of a typed table that holds the whole record as JSON text.</summary>
    public const string RecordColumn = "rawrecord";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Non-ASCII stays readable in the text columns; control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly EnvelopeColumn[] Envelope = CreateEnvelope();

    [ThreadStatic]
    private static JsonScratch? t_scratch;

    /// <summary>The columns of the <c>cloudtrail</c> table: every envelope member, payloads as JSON text.</summary>
    public static IReadOnlyList<ColumnField> Columns { get; } = Array.ConvertAll(Envelope, c => c.Field);

    /// <summary>Writes one event as a row of the <c>cloudtrail</c> table.</summary>
    public static void WriteRow(IColumnWriter writer, CloudTrailEvent evt)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evt);
        WriteRow(writer, evt, null);
    }

    internal static IReadOnlyList<ColumnField> Build(ExportTable table)
    {
        var columns = new List<ColumnField>(Envelope.Length + 1);
        foreach (var column in Envelope)
        {
            var shape = column.Payload switch
            {
                CloudTrailPayload.RequestParameters => table.RequestParameters,
                CloudTrailPayload.ResponseElements => table.ResponseElements,
                _ => null,
            };
            columns.Add(shape is null ? column.Field : ColumnField.Struct(column.Field.Name, shape));
        }

        columns.Add(ColumnField.Json(RecordColumn));
        return columns;
    }

    // A typed table writes its payloads as structs and adds the whole record; the cloudtrail
    // table (no table) writes payloads as JSON text.
    internal static void WriteRow(IColumnWriter writer, CloudTrailEvent evt, ExportTable? table)
    {
        foreach (var column in Envelope)
        {
            if (column.Payload is not { } payload)
            {
                column.Write!(writer, evt);
            }
            else if (table is not null && payload != CloudTrailPayload.AdditionalEventData
                && (payload == CloudTrailPayload.RequestParameters ? table.RequestParameters : table.ResponseElements) is not null)
            {
                writer.WriteObject(table.Payload(evt, payload));
            }
            else
            {
                WritePayloadJson(writer, evt, payload);
            }
        }

        if (table is not null && !writer.TryWriteHeldRecord())
        {
            var scratch = t_scratch ??= new JsonScratch();
            evt.WriteTo(scratch.Start());
            writer.WriteJson(scratch.Finish());
        }
    }

    // A list of the envelope's objects (resources): a list of structs, or null when absent.
    private static void WriteObjects(IColumnWriter writer, IReadOnlyList<IColumnObject>? items)
    {
        if (items is null)
        {
            writer.WriteNull();
            return;
        }

        writer.BeginList();
        for (int i = 0; i < items.Count; i++)
        {
            writer.WriteObject(items[i]);
        }

        writer.EndList();
    }

    // A payload as JSON text: the typed value written back, or the value kept verbatim; null
    // when the record has none (or a JSON null), as AWS's table has it.
    private static void WritePayloadJson(IColumnWriter writer, CloudTrailEvent evt, CloudTrailPayload payload)
    {
        if (evt.Fields.GetRawPayload(payload) is { } raw)
        {
            writer.WriteJson(raw.ValueKind == JsonValueKind.Null ? null : raw);
            return;
        }

        // Generated events write a typed payload as a member (name and value), so it is written
        // inside an object of its own and the value is cut out: {"name":VALUE}.
        var scratch = t_scratch ??= new JsonScratch();
        var json = scratch.Start();
        json.WriteStartObject();
        if (!evt.WritePayload(payload, json))
        {
            writer.WriteNull();
            return;
        }

        json.WriteEndObject();
        var written = scratch.Finish();
        int colon = written.IndexOf((byte)':');
        writer.WriteJson(written[(colon + 1)..^1]);
    }

    private sealed class JsonScratch
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly Utf8JsonWriter _writer;

        public JsonScratch() => _writer = new Utf8JsonWriter(_buffer, JsonOptions);

        public Utf8JsonWriter Start()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        public ReadOnlySpan<byte> Finish()
        {
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }
}
