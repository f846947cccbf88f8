using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// The realistic input samples under TestData/inputs. Every sample holds records of one log,
/// <c>cloudtrail-log.json</c> (eight records: six Glacier calls from the fixtures, a KMS and an
/// S3 call), in some framing; the checks below compare what a reader delivers with that log.
/// </summary>
internal static class InputSamples
{
    public static string Folder => Path.Combine(TestPaths.TestData, "inputs");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The records of <c>cloudtrail-log.json</c>, in order.</summary>
    public static List<JsonElement> LogRecords() => TestLogs.RecordsIn(Bytes("cloudtrail-log.json"));

    /// <summary>The records of the log at the given positions.</summary>
    public static List<JsonElement> LogRecords(params int[] positions)
    {
        var all = LogRecords();
        return positions.Select(i => all[i]).ToList();
    }

    /// <summary>
    /// The events are the records, in order: the same eventIDs, and each event written back is
    /// JSON-equal to its record.
    /// </summary>
    public static void AssertDelivered(IReadOnlyList<JsonElement> records, IReadOnlyList<CloudTrailEvent> events)
    {
        Assert.Equal(records.Select(r => r.GetProperty("eventID").GetString()), events.Select(e => e.EventId));
        for (int i = 0; i < records.Count; i++)
        {
            JsonAssert.Equal(records[i], TestLogs.Element(events[i].ToJson()));
        }
    }

    /// <summary>The typed view of the log's records, checked where it is distinctive.</summary>
    public static void AssertTyped(int position, CloudTrailEvent evt)
    {
        switch (position)
        {
            case 0:
                var createVault = Assert.IsType<CreateVaultEvent>(evt);
                Assert.Equal("finance-archive-2019", createVault.RequestParameters!.VaultName);
                Assert.Equal("/123456789012/vaults/finance-archive-2019", createVault.ResponseElements!.Location);
                Assert.Equal(UserIdentityType.Root, createVault.UserIdentity!.Type);
                break;
            case 1:
                var initiateJob = Assert.IsType<InitiateJobEvent>(evt);
                Assert.Equal("legal-hold-2021", initiateJob.RequestParameters!.VaultName);
                Assert.Equal("0-1073741823", initiateJob.RequestParameters.JobParameters!.RetrievalByteRange);
                Assert.Equal(new DateTimeOffset(2025, 4, 24, 18, 31, 38, TimeSpan.Zero), initiateJob.EventTime);
                break;
            case 2:
                var kms = Assert.IsType<UnknownCloudTrailEvent>(evt);
                Assert.Equal(("kms.amazonaws.com", "GenerateDataKey"), (kms.EventSource, kms.EventName));
                Assert.Equal("AWS::KMS::Key", Assert.Single(kms.Resources!).Type);
                break;
            case 3:
                var setPolicy = Assert.IsType<SetVaultAccessPolicyEvent>(evt);
                Assert.Equal("finance-archive-2019", setPolicy.RequestParameters!.VaultName);
                Assert.Equal(UserIdentityType.IAMUser, setPolicy.UserIdentity!.Type);
                break;
            case 4:
                var s3 = Assert.IsType<UnknownCloudTrailEvent>(evt);
                Assert.Equal(("s3.amazonaws.com", "CreateBucket"), (s3.EventSource, s3.EventName));
                break;
            case 5:
                var deleteArchive = Assert.IsType<DeleteArchiveEvent>(evt);
                Assert.Equal("cctv-footage-eu", deleteArchive.RequestParameters!.VaultName);
                Assert.StartsWith("XwWWFgv4TFxn17", deleteArchive.RequestParameters.ArchiveId, StringComparison.Ordinal);
                break;
            case 6:
                var describeVault = Assert.IsType<DescribeVaultEvent>(evt);
                Assert.Equal("legal-hold-2021", describeVault.RequestParameters!.VaultName);
                Assert.Equal("config.amazonaws.com", describeVault.UserIdentity!.InvokedBy);
                break;
            case 7:
                var deleteVault = Assert.IsType<DeleteVaultEvent>(evt);
                Assert.Equal("AccessDenied", deleteVault.ErrorCode);
                Assert.True(deleteVault.IsError);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(position));
        }
    }

    /// <summary>Both checks for events that are the log's records at <paramref name="positions"/>.</summary>
    public static void AssertLogRecords(IReadOnlyList<CloudTrailEvent> events, params int[] positions)
    {
        AssertDelivered(LogRecords(positions), events);
        for (int i = 0; i < positions.Length; i++)
        {
            AssertTyped(positions[i], events[i]);
        }
    }
}
