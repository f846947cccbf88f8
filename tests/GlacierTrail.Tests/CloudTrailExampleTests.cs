using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// The CloudTrail documentation's Glacier example (CreateVault, DeleteVault, ListVaults,
/// DescribeVault) and its variants: key order, gzip without a .gz name, a service with no
/// schema, a denied call, and fields no schema names.
/// </summary>
public sealed class CloudTrailExampleTests
{
    private static readonly DateTimeOffset ExampleTime = new(2014, 12, 10, 19, 5, 15, TimeSpan.Zero);

    [Fact]
    public async Task The_example_log_reads_as_four_typed_events()
    {
        var events = await TestLogs.ReadFileAsync(TestPaths.ExampleLog);
        AssertExample(events);
    }

    [Fact]
    public async Task Key_order_does_not_matter()
    {
        var reversed = TestLogs.ExampleRecords().Select(Reverse).ToList();
        byte[] log = TestLogs.LogOf(reversed);
        string text = Encoding.UTF8.GetString(log);
        Assert.True(text.IndexOf("\"requestParameters\"", StringComparison.Ordinal) < text.IndexOf("\"eventName\"", StringComparison.Ordinal));

        var events = await TestLogs.ReadAllAsync(log);

        AssertExample(events);
        for (int i = 0; i < reversed.Count; i++)
        {
            JsonAssert.Equal(reversed[i].ToJsonString(), events[i].ToJson());
        }
    }

    [Fact]
    public async Task Gzip_is_detected_by_its_bytes_not_its_name()
    {
        string folder = TestLogs.TempFolder();
        try
        {
            string path = Path.Combine(folder, "999999999999_CloudTrail_us-east-1_20141210T1905Z_log.json");
            byte[] gzip = TestLogs.Gzip(TestLogs.ExampleBytes());
            await File.WriteAllBytesAsync(path, gzip);
            Assert.Equal(new byte[] { 0x1F, 0x8B }, gzip[..2]);

            var events = await TestLogs.ReadFileAsync(path);

            AssertExample(events);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_event_with_no_schema_is_unknown_and_keeps_its_payloads_raw()
    {
        string path = Path.Combine(TestPaths.TestData, "unknown-service.json");
        var input = TestLogs.RecordsIn(await File.ReadAllBytesAsync(path));

        var events = await TestLogs.ReadFileAsync(path);

        Assert.Equal(3, events.Count);
        AssertCreateVault(events[0]);

        var s3 = Assert.IsType<UnknownCloudTrailEvent>(events[1]);
        Assert.Equal("s3.amazonaws.com", s3.EventSource);
        Assert.Equal("CreateBucket", s3.EventName);
        Assert.Equal("arn:aws:iam::999999999999:user/myUserName", s3.UserIdentity?.Arn);
        Assert.Equal(ExampleTime, s3.EventTime);
        Assert.NotNull(s3.RequestParameters);
        Assert.Equal(JsonValueKind.Object, s3.RequestParameters.Value.ValueKind);
        JsonAssert.Equal(input[1].GetProperty("requestParameters"), s3.RequestParameters.Value.ToJsonElement());
        JsonAssert.Equal(input[1].GetProperty("additionalEventData"), s3.AdditionalEventData!.Value.ToJsonElement());
        Assert.Null(s3.ResponseElements);
        JsonAssert.Equal(input[1], TestLogs.Element(s3.ToJson()));

        // A Glacier source with a name no schema has is unknown too, not a near match.
        var future = Assert.IsType<UnknownCloudTrailEvent>(events[2]);
        Assert.Equal("glacier.amazonaws.com", future.EventSource);
        Assert.Equal("CreateVaultV2", future.EventName);
        JsonAssert.Equal(input[2].GetProperty("requestParameters"), future.RequestParameters!.Value.ToJsonElement());
        JsonAssert.Equal(input[2], TestLogs.Element(future.ToJson()));
    }

    [Fact]
    public void A_denied_call_has_its_error_and_null_payloads()
    {
        byte[] record = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "denied-call.json"));

        var evt = Assert.IsType<CreateVaultEvent>(GlacierTrailEvents.ParseRecord(record));

        Assert.True(evt.IsError);
        Assert.Equal("AccessDenied", evt.ErrorCode);
        Assert.Equal(
            "User: arn:aws:iam::999999999999:user/myUserName is not authorized to perform: glacier:CreateVault on resource: arn:aws:glacier:us-east-1:999999999999:vaults/myVaultName because no identity-based policy allows the glacier:CreateVault action",
            evt.ErrorMessage);
        Assert.Null(evt.RequestParameters);
        Assert.Null(evt.ResponseElements);
        Assert.Equal("arn:aws:iam::999999999999:user/myUserName", evt.UserIdentity?.Arn);
        Assert.Equal(ExampleTime, evt.EventTime);

        // The nulls are written back as nulls, not dropped.
        var written = TestLogs.Element(evt.ToJson());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("requestParameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, written.GetProperty("responseElements").ValueKind);
        JsonAssert.Equal(Encoding.UTF8.GetString(record), evt.ToJson());
    }

    [Fact]
    public void Fields_no_schema_names_are_kept_where_they_were_and_written_back()
    {
        byte[] record = File.ReadAllBytes(Path.Combine(TestPaths.TestData, "extension-data.json"));
        var input = TestLogs.Element(Encoding.UTF8.GetString(record));

        var evt = Assert.IsType<CreateVaultEvent>(GlacierTrailEvents.ParseRecord(record));

        AssertCreateVault(evt);
        AssertKept(input, evt.ExtensionData, "eventContext");
        AssertKept(input, evt.ExtensionData, "someFutureField");
        AssertKept(input.GetProperty("userIdentity"), evt.UserIdentity!.ExtensionData, "futureIdentityField");
        AssertKept(input.GetProperty("requestParameters"), evt.RequestParameters!.ExtensionData, "x-amz-future-header");
        AssertKept(input.GetProperty("requestParameters"), evt.RequestParameters.ExtensionData, "extraNumber");
        AssertKept(input.GetProperty("responseElements"), evt.ResponseElements!.ExtensionData, "extra");
        Assert.Equal("\"value with é日🧊 and \\\"quotes\\\"\"", evt.RequestParameters.ExtensionData!.Single(p => p.Name == "x-amz-future-header").Value.ToString());
        Assert.Equal("12345678901234567890123", evt.RequestParameters.ExtensionData!.Single(p => p.Name == "extraNumber").Value.ToString());

        JsonAssert.Equal(input, TestLogs.Element(evt.ToJson()));
    }

    private static void AssertKept(JsonElement holder, IReadOnlyList<RawJsonProperty>? extensionData, string name)
    {
        Assert.NotNull(extensionData);
        var kept = Assert.Single(extensionData, p => p.Name == name);
        JsonAssert.Equal(holder.GetProperty(name), kept.Value.ToJsonElement());
    }

    /// <summary>The four events of the example, in order, with their typed payloads.</summary>
    internal static void AssertExample(IReadOnlyList<CloudTrailEvent> events)
    {
        Assert.Equal(4, events.Count);
        AssertCreateVault(events[0]);

        var delete = Assert.IsType<DeleteVaultEvent>(events[1]);
        Assert.Equal("myVaultName", delete.RequestParameters?.VaultName);
        Assert.Equal("-", delete.RequestParameters?.AccountId);
        Assert.Equal("cdd33060-4758-416a-b7b9-dafd3afcec90", delete.EventId);
        Assert.Equal("GGdw-VfhVfLCFwAM6iVUvMQ6-fMwSqSO9FmRd0eRSa_Fc7c", delete.RequestId);
        AssertCommonEnvelope(delete);

        var list = Assert.IsType<ListVaultsEvent>(events[2]);
        Assert.Equal("-", list.RequestParameters?.AccountId);
        Assert.Equal("355750b4-e8b0-46be-9676-e786b1442470", list.EventId);
        AssertCommonEnvelope(list);

        var describe = Assert.IsType<DescribeVaultEvent>(events[3]);
        Assert.Equal("myVaultName", describe.RequestParameters?.VaultName);
        Assert.Equal("569e830e-b075-4444-a826-aa8b0acad6c7", describe.EventId);
        AssertCommonEnvelope(describe);

        foreach (var evt in events.Skip(1))
        {
            // responseElements is null in these three records: present, typed as absent, written back as null.
            Assert.Null(evt.GetType().GetProperty("ResponseElements")!.GetValue(evt));
            Assert.Equal(JsonValueKind.Null, TestLogs.Element(evt.ToJson()).GetProperty("responseElements").ValueKind);
        }
    }

    internal static void AssertCreateVault(CloudTrailEvent evt)
    {
        var create = Assert.IsType<CreateVaultEvent>(evt);
        Assert.Equal("myVaultName", create.RequestParameters?.VaultName);
        Assert.Equal("-", create.RequestParameters?.AccountId);
        Assert.Equal("/999999999999/vaults/myVaultName", create.ResponseElements?.Location);
        Assert.Equal("52f8c821-002e-4549-857f-8193a15246fa", create.EventId);
        Assert.Equal("HJiLgvfXCY88QJAC6rRoexS9ThvI21Q1Nqukfly02hcUPPo", create.RequestId);
        AssertCommonEnvelope(create);
    }

    private static void AssertCommonEnvelope(CloudTrailEvent evt)
    {
        Assert.Equal(ExampleTime, evt.EventTime);
        Assert.Equal(TimeSpan.Zero, evt.EventTime?.Offset);
        Assert.Equal("glacier.amazonaws.com", evt.EventSource);
        Assert.Equal("us-east-1", evt.AwsRegion);
        Assert.Equal("1.02", evt.EventVersion?.Value);
        Assert.Equal("AwsApiCall", evt.EventType?.Value);
        Assert.Equal("999999999999", evt.RecipientAccountId);
        Assert.Equal("127.0.0.1", evt.SourceIPAddress);
        Assert.Equal("aws-sdk-java/1.9.6 Mac_OS_X/10.9.5 Java_HotSpot(TM)_64-Bit_Server_VM/25.25-b02/1.8.0_25", evt.UserAgent);
        Assert.Null(evt.ErrorCode);
        Assert.False(evt.IsError);
        var identity = evt.UserIdentity;
        Assert.NotNull(identity);
        Assert.Equal("arn:aws:iam::999999999999:user/myUserName", identity.Arn);
        Assert.Equal("IAMUser", identity.Type?.Value);
        Assert.Equal(UserIdentityType.IAMUser, identity.Type);
        Assert.Equal("999999999999", identity.AccountId);
        Assert.Equal("A1B2C3D4E5F6G7EXAMPLE", identity.PrincipalId);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", identity.AccessKeyId);
        Assert.Equal("myUserName", identity.UserName);
    }

    private static JsonObject Reverse(JsonObject record)
    {
        var reversed = new JsonObject();
        foreach (var (name, value) in record.Reverse().ToList())
        {
            reversed[name] = value?.DeepClone();
        }

        return reversed;
    }
}
