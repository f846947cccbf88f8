using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// Records of every eventVersion from 1.0 to a future 1.12 and 2.0
/// (TestData/inputs/versions): all are read, versions compare as numbers, and envelope fields
/// newer than the runtime are kept in ExtensionData and written back.
/// </summary>
public sealed class EventVersionTests
{
    private static readonly string[] Versions = ["1.0", "1.05", "1.08", "1.09", "1.10", "1.11", "1.12", "2.0"];

    private static string Folder => Path.Combine(InputSamples.Folder, "versions");

    public static IEnumerable<object[]> VersionNames() => Versions.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(VersionNames))]
    public void Every_version_is_read_typed_and_writes_back_json_equal(string version)
    {
        var evt = Read(version);

        Assert.Equal(version, evt.EventVersion!.Value.Value);
        Assert.True(evt.EventVersion.Value.IsWellFormed);
        Assert.Equal(version, evt.EventVersion.Value.ToString());
        Assert.Equal("glacier.amazonaws.com", evt.EventSource);
        Assert.IsNotType<UnknownCloudTrailEvent>(evt);
    }

    [Fact]
    public async Task A_log_of_every_version_reads_in_order()
    {
        var records = Versions.Select(v => File.ReadAllText(PathOf(v))).ToList();
        byte[] log = RecordBuilder.Log(records);

        var events = await TestLogs.ReadAllAsync(TestLogs.Gzip(log));

        Assert.Equal(Versions, events.Select(e => e.EventVersion!.Value.Value));
        for (int i = 0; i < records.Count; i++)
        {
            JsonAssert.Equal(records[i], events[i].ToJson());
        }
    }

    [Fact]
    public void Versions_compare_as_major_and_minor_integers()
    {
        var versions = Versions.Select(v => Read(v).EventVersion!.Value).ToList();

        Assert.Equal(versions, versions.OrderBy(v => v).ToList());
        Assert.Equal(versions, Versions.Reverse().Select(v => new CloudTrailEventVersion(v)).Order().ToList());
        for (int i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i - 1] < versions[i], $"{versions[i - 1]} < {versions[i]}");
            Assert.True(versions[i] > versions[i - 1]);
        }

        Assert.Equal((1, 0), (versions[0].Major, versions[0].Minor));
        Assert.Equal((1, 5), (versions[1].Major, versions[1].Minor));
        Assert.Equal((1, 12), (versions[6].Major, versions[6].Minor));
        Assert.Equal((2, 0), (versions[7].Major, versions[7].Minor));
        Assert.True(new CloudTrailEventVersion("1.10") > new CloudTrailEventVersion("1.9"));
        Assert.True(new CloudTrailEventVersion("1.05") == new CloudTrailEventVersion("1.5"));
        Assert.True(new CloudTrailEventVersion("2.0") > new CloudTrailEventVersion("1.99"));
        Assert.True(versions[4] >= new CloudTrailEventVersion("1.08"));
    }

    [Fact]
    public void Version_1_0_has_only_the_basic_fields()
    {
        var evt = Assert.IsType<CreateVaultEvent>(Read("1.0"));

        Assert.Null(evt.EventId);
        Assert.Null(evt.RequestId);
        Assert.Null(evt.EventType);
        Assert.Null(evt.ReadOnly);
        Assert.Null(evt.RecipientAccountId);
        Assert.Null(evt.EventCategory);
        Assert.Null(evt.TlsDetails);
        Assert.Null(evt.ExtensionData);
        var identity = evt.UserIdentity!;
        Assert.Equal(UserIdentityType.IAMUser, identity.Type);
        Assert.Equal("Alice", identity.UserName);
        Assert.Null(identity.SessionContext);
        Assert.Equal("photos-2013", evt.RequestParameters!.VaultName);
        Assert.Equal(new DateTimeOffset(2013, 11, 12, 21, 8, 13, TimeSpan.Zero), evt.EventTime);
    }

    [Fact]
    public void Version_1_05_has_ids_and_event_type_but_no_category()
    {
        var evt = Assert.IsType<DeleteVaultEvent>(Read("1.05"));

        Assert.Equal("7aa4b556-f5e1-4621-9ac0-0fc0e2e41150", evt.EventId);
        Assert.NotNull(evt.RequestId);
        Assert.Equal(CloudTrailEventType.AwsApiCall, evt.EventType);
        Assert.False(evt.ReadOnly);
        Assert.Null(evt.ManagementEvent);
        Assert.Null(evt.EventCategory);
        Assert.Null(evt.TlsDetails);
    }

    [Fact]
    public void Version_1_08_has_tls_details()
    {
        var evt = Assert.IsType<CreateVaultEvent>(Read("1.08"));

        Assert.Equal("TLSv1.3", evt.TlsDetails!.TlsVersion);
        Assert.Equal("TLS_AES_128_GCM_SHA256", evt.TlsDetails.CipherSuite);
        Assert.Equal("glacier.us-east-1.amazonaws.com", evt.TlsDetails.ClientProvidedHostHeader);
        Assert.Equal(EventCategory.Management, evt.EventCategory);
        Assert.True(evt.ManagementEvent);
    }

    [Fact]
    public void Version_1_09_has_the_vpc_endpoint_account()
    {
        var evt = Assert.IsType<DeleteArchiveEvent>(Read("1.09"));

        Assert.Equal("vpce-0a1b2c3d4e5f67890", evt.VpcEndpointId);
        Assert.Equal("111122223333", evt.VpcEndpointAccountId);
    }

    [Fact]
    public void Version_1_10_has_an_addendum_and_a_key_exchange()
    {
        var evt = Assert.IsType<DescribeVaultEvent>(Read("1.10"));

        Assert.Equal("DELIVERY_DELAY", evt.Addendum!.Reason);
        Assert.Null(evt.Addendum.OriginalEventId);
        Assert.Equal("X25519MLKEM768", evt.TlsDetails!.KeyExchange);
        Assert.Null(evt.ExtensionData);
    }

    [Fact]
    public void Version_1_11_keeps_eventContext_raw()
    {
        var evt = Assert.IsType<GetJobOutputEvent>(Read("1.11"));

        var context = Assert.Single(evt.ExtensionData!);
        Assert.Equal("eventContext", context.Name);
        Assert.Equal("vpc-0f1e2d3c4b5a69788", context.Value.ToJsonElement().GetProperty("requestContext").GetProperty("aws:SourceVpc").GetString());
    }

    [Fact]
    public void Version_1_12_keeps_new_envelope_and_tls_fields_in_extension_data()
    {
        var evt = Assert.IsType<ListVaultsEvent>(Read("1.12"));

        Assert.Equal(["agentContext", "requestOrigin"], evt.ExtensionData!.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("\"Agent\"", evt.ExtensionData!.Single(p => p.Name == "requestOrigin").Value.ToString());
        Assert.Equal("postQuantum", Assert.Single(evt.TlsDetails!.ExtensionData!).Name);
        Assert.Equal("TLSv1.3", evt.TlsDetails.TlsVersion);
        Assert.Equal("123456789012", evt.RequestParameters!.AccountId);
    }

    [Fact]
    public void Version_2_0_keeps_new_fields_at_every_level_and_writes_them_back()
    {
        var evt = Assert.IsType<SetVaultNotificationsEvent>(Read("2.0"));

        Assert.Equal(["eventHash", "networkContext", "principalTags"], evt.ExtensionData!.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("null", evt.ExtensionData!.Single(p => p.Name == "networkContext").Value.ToString());
        var attributes = evt.UserIdentity!.SessionContext!.Attributes!;
        Assert.Equal("authenticationMethod", Assert.Single(attributes.ExtensionData!).Name);
        Assert.NotNull(attributes.CreationDate);
        Assert.Equal(UserIdentityType.AssumedRole, evt.UserIdentity.Type);

        string written = evt.ToJson();
        Assert.Contains("\"principalTags\":[{\"key\":\"team\",\"value\":\"archive\"}]", written, StringComparison.Ordinal);
        Assert.Contains("\"authenticationMethod\":\"passkey\"", written, StringComparison.Ordinal);
    }

    private static string PathOf(string version) => Path.Combine(Folder, $"eventVersion-{version}.json");

    /// <summary>Parses one version's record and checks the round trip on the way.</summary>
    private static CloudTrailEvent Read(string version)
    {
        byte[] input = File.ReadAllBytes(PathOf(version));
        var evt = GlacierTrailEvents.ParseRecord(input);
        JsonAssert.Equal(Encoding.UTF8.GetString(input), evt.ToJson());
        return evt;
    }
}
