using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GlacierTrail.Events;
using GlacierTrail.Parquet.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>
/// The exported dataset, read back by DuckDB with Hive partitioning, equals what the reader
/// delivered: rows per table, typed columns, timestamps and partitions.
/// </summary>
public sealed class DatasetTests : IClassFixture<ExportedDataset>
{
    private readonly ExportedDataset _data;

    public DatasetTests(ExportedDataset data) => _data = data;

    [Fact]
    public void Every_event_is_a_row_of_cloudtrail()
    {
        using var db = new DuckDb();
        Assert.True(_data.Events.Count > 66);
        Assert.Equal((long)_data.Events.Count, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_data.Root, "cloudtrail")}"));
        Assert.Equal((long)_data.Events.Count, _data.Result.Rows["cloudtrail"]);
    }

    [Fact]
    public void Each_typed_table_holds_the_events_of_its_type()
    {
        using var db = new DuckDb();
        var byType = _data.Events.GroupBy(e => e.EventName.ToLowerInvariant()).ToList();
        Assert.Contains(byType, g => g.Key == "rotatewidget");
        foreach (var type in byType)
        {
            Assert.Equal((long)type.Count(), db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_data.Root, type.Key)}"));
            Assert.Equal((long)type.Count(), db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_data.Root, "cloudtrail")} WHERE eventname = '{type.First().EventName}'"));
        }

        Assert.Equal(byType.Count + 1, _data.Result.Rows.Count);
    }

    [Fact]
    public void Typed_columns_equal_the_typed_properties_of_every_event()
    {
        using var db = new DuckDb();
        int compared = 0;
        foreach (var evt in _data.Events)
        {
            var table = GlacierTrailEvents.ExportTables.Single(t => t.Matches(evt));
            var row = db.Query($"SELECT * FROM {DuckDb.Table(_data.Root, table.Name)} WHERE eventid = '{evt.EventId}'").Single();
            foreach (string payload in new[] { "RequestParameters", "ResponseElements" })
            {
                var property = evt.GetType().GetProperty(payload)!;
                if (property.PropertyType == typeof(RawJson?))
                {
                    Assert.Equal(typeof(string), row[payload.ToLowerInvariant()]?.GetType() ?? typeof(string));
                    continue;
                }

                TypedValues.Equal(property.GetValue(evt), row[payload.ToLowerInvariant()], evt.EventName + "." + payload);
                compared++;
            }

            TypedValues.Equal(evt.UserIdentity, row["useridentity"], "userIdentity");
            TypedValues.Equal(evt.TlsDetails, row["tlsdetails"], "tlsDetails");
            TypedValues.Equal(evt.Resources, row["resources"], "resources");
            Assert.Equal(evt.ReadOnly, row["readonly"]);
            Assert.Equal(evt.ErrorCode, row["errorcode"]);
            Assert.Equal(evt.EventType?.Value, row["eventtype"]);
        }

        Assert.True(compared >= 66, $"compared {compared} payloads");
    }

    [Fact]
    public void Envelope_columns_have_the_names_of_AWS_table_and_payloads_are_JSON_text()
    {
        using var db = new DuckDb();
        var columns = db.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {DuckDb.Table(_data.Root, "cloudtrail")})")
            .ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!);
        foreach (string name in new[] { "eventversion", "useridentity", "eventtime", "eventsource", "eventname", "awsregion", "sourceipaddress", "useragent", "errorcode", "errormessage", "requestparameters", "responseelements", "additionaleventdata", "requestid", "eventid", "readonly", "eventtype", "recipientaccountid", "resources", "tlsdetails", "serviceeventdetails" })
        {
            Assert.Contains(name, columns.Keys);
        }

        Assert.Equal("VARCHAR", columns["requestparameters"]);
        Assert.Equal("BOOLEAN", columns["readonly"]);
        Assert.StartsWith("STRUCT(\"type\" VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, accesskeyid VARCHAR, username VARCHAR, invokedby VARCHAR", columns["useridentity"]);
        Assert.DoesNotContain("rawrecord", columns.Keys);

        foreach (var evt in _data.Events.Where(e => e.EventId is not null))
        {
            var row = db.Query($"SELECT requestparameters, responseelements FROM {DuckDb.Table(_data.Root, "cloudtrail")} WHERE eventid = '{evt.EventId}'").Single();
            using var record = JsonDocument.Parse(evt.ToJson());
            foreach (string payload in new[] { "requestParameters", "responseElements" })
            {
                if (record.RootElement.TryGetProperty(payload, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    GlacierTrail.Testing.JsonAssert.Equal(value.GetRawText(), (string)row[payload.ToLowerInvariant()]!);
                }
                else
                {
                    Assert.Null(row[payload.ToLowerInvariant()]);
                }
            }
        }
    }

    [Fact]
    public void Eventtime_is_a_TIMESTAMP_in_UTC()
    {
        using var db = new DuckDb();
        foreach (string table in new[] { "cloudtrail", "createvault" })
        {
            Assert.Equal("TIMESTAMP WITH TIME ZONE", db.Scalar($"SELECT DISTINCT typeof(eventtime) FROM {DuckDb.Table(_data.Root, table)}"));
        }

        foreach (var evt in _data.Events.Where(e => e.EventId is not null))
        {
            var row = db.Query($"SELECT epoch_ms(eventtime) AS ms FROM {DuckDb.Table(_data.Root, "cloudtrail")} WHERE eventid = '{evt.EventId}'").Single();
            Assert.Equal(evt.EventTime?.ToUnixTimeMilliseconds(), row["ms"]);
        }
    }

    [Fact]
    public void Partitions_are_account_region_and_date_or_unknown()
    {
        using var db = new DuckDb();
        var rows = db.Query($"SELECT eventid, account, region, date FROM {DuckDb.Table(_data.Root, "cloudtrail")}");
        Assert.Equal(_data.Events.Count, rows.Count);
        foreach (var evt in _data.Events.Where(e => e.EventId is not null))
        {
            var row = rows.Single(r => (string?)r["eventid"] == evt.EventId);
            Assert.Equal(evt.RecipientAccountId ?? "unknown", row["account"]);
            Assert.Equal(evt.AwsRegion ?? "unknown", row["region"]);
            Assert.Equal(evt.EventTime?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", row["date"]);
        }

        // The account keeps its leading zero: partition values are text.
        Assert.Contains(rows, r => (string?)r["account"] == "012345678901");
        Assert.Contains(rows, r => (string?)r["date"] == "unknown" && (string?)r["account"] == "unknown" && (string?)r["region"] == "unknown");
    }

    [Fact]
    public void A_consumers_own_schema_gets_its_own_typed_table()
    {
        using var db = new DuckDb();
        var types = db.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT requestparameters FROM {DuckDb.Table(_data.Root, "rotatewidget")})").Single();
        string type = (string)types["column_type"]!;
        Assert.Contains("generation BIGINT", type);
        Assert.Contains("dryrun BOOLEAN", type);
        Assert.Contains("rotatedat TIMESTAMP WITH TIME ZONE", type);
        Assert.Contains("labels VARCHAR[]", type);
        Assert.Contains("matrix BIGINT[][]", type);
        Assert.Contains("limits MAP(VARCHAR, BIGINT)", type);
        Assert.Contains("steps STRUCT(\"order\" BIGINT, tags VARCHAR[])[]", type);

        // Part holds itself: its own children are JSON text one level down.
        Assert.Contains("root STRUCT(\"name\" VARCHAR, weight DOUBLE, children VARCHAR[])", type);
        Assert.Equal(2L, db.Scalar($"SELECT requestparameters.generation + 0 * len(requestparameters.labels) - 5 FROM {DuckDb.Table(_data.Root, "rotatewidget")} WHERE requestparameters.widgetid = 'w-1'"));
        Assert.Equal("wheel", db.Scalar($"SELECT json_extract_string(requestparameters.root.children[1], '$.name') FROM {DuckDb.Table(_data.Root, "rotatewidget")} WHERE requestparameters.widgetid = 'w-1'"));
    }

    [Fact]
    public void A_record_with_unknown_fields_exports_and_the_record_column_holds_them()
    {
        using var db = new DuckDb();
        var row = db.Query($"SELECT rawrecord, requestparameters FROM {DuckDb.Table(_data.Root, "createvault")} WHERE eventid = '{ExportedDataset.UnknownFieldsEventId}'").Single();
        using var record = JsonDocument.Parse((string)row["rawrecord"]!);
        Assert.Equal("later", record.RootElement.GetProperty("futureEnvelopeField").GetProperty("added").GetString());
        Assert.Equal("deep", record.RootElement.GetProperty("requestParameters").GetProperty("vaultTier").GetString());
        var request = (IDictionary)row["requestparameters"]!;
        Assert.Equal("v", request["vaultname"]);
        var evt = _data.Events.Single(e => e.EventId == ExportedDataset.UnknownFieldsEventId);
        GlacierTrail.Testing.JsonAssert.Equal(evt.ToJson(), (string)row["rawrecord"]!);
    }

    [Fact]
    public void Every_file_is_complete_and_named_after_the_run()
    {
        Assert.NotEmpty(_data.Result.Files);
        foreach (string file in _data.Result.Files)
        {
            Assert.Matches(@"part-test-\d{5}\.parquet$", file);
            Assert.True(System.IO.File.Exists(file), file);
        }

        Assert.Empty(System.IO.Directory.GetFiles(_data.Root, "*.tmp", System.IO.SearchOption.AllDirectories));
        Assert.Equal(_data.Result.Files.Count, System.IO.Directory.GetFiles(_data.Root, "*.parquet", System.IO.SearchOption.AllDirectories).Length);
    }
}
