using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GlacierTrail.Events;
using GlacierTrail.Export;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>A typed table's last column, the whole record, comes from the sink when it holds the record, and is written back from the event otherwise.</summary>
public sealed class HeldRecordTests
{
    private const string Record = """{"eventVersion":"1.11","eventTime":"2025-05-01T10:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"CreateVault","awsRegion":"us-east-1","recipientAccountId":"111122223333","eventID":"e-1","requestParameters":{"accountId":"-","vaultName":"v"},"unknownField":[1,2]}""";

    [Fact]
    public void A_sink_that_holds_no_record_gets_the_event_written_back_as_its_last_value()
    {
        var evt = GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(Record));
        var sink = new RecordingSink(held: false);
        Table().WriteRow(sink, evt);

        Assert.Equal(0, sink.HeldWritten);
        GlacierTrail.Testing.JsonAssert.Equal(evt.ToJson(), sink.Json[^1]);
    }

    [Fact]
    public void A_sink_that_holds_the_record_writes_it_and_the_event_is_not_written_back_again()
    {
        var evt = GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(Record));
        var plain = new RecordingSink(held: false);
        var holding = new RecordingSink(held: true);
        Table().WriteRow(plain, evt);
        Table().WriteRow(holding, evt);

        Assert.Equal(1, holding.HeldWritten);
        Assert.Equal(plain.Json.Count - 1, holding.Json.Count);
        Assert.Equal(plain.Values, holding.Values);
    }

    private static ExportTable Table() => GlacierTrailEvents.ExportTables.Single(t => t.Key.EventName == "CreateVault");

    // Counts what it is given and keeps the JSON text; objects write their members to it.
    private sealed class RecordingSink(bool held) : IColumnWriter
    {
        public List<string> Json { get; } = new();

        public int Values { get; private set; }

        public int HeldWritten { get; private set; }

        public void WriteNull() => Values++;

        public void WriteString(string? value) => Values++;

        public void WriteInt64(long? value) => Values++;

        public void WriteDouble(double? value) => Values++;

        public void WriteBoolean(bool? value) => Values++;

        public void WriteTimestamp(DateTimeOffset? value) => Values++;

        public void WriteJson(RawJson? value)
        {
            Values++;
            Json.Add(value?.ToString() ?? "null");
        }

        public void WriteJson(ReadOnlySpan<byte> utf8Json)
        {
            Values++;
            Json.Add(Encoding.UTF8.GetString(utf8Json));
        }

        public void WriteObject(IColumnObject? value)
        {
            if (value is null)
            {
                Values++;
                return;
            }

            value.WriteColumns(this);
        }

        public void BeginList()
        {
        }

        public void EndList()
        {
        }

        public void BeginMap()
        {
        }

        public void WriteMapKey(string key)
        {
        }

        public void EndMap()
        {
        }

        public bool TryWriteHeldRecord()
        {
            if (!held)
            {
                return false;
            }

            Values++;
            HeldWritten++;
            return true;
        }
    }
}
