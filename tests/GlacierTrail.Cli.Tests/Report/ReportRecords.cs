using System;
using System.Globalization;
using System.IO;
using System.Text;
using GlacierTrail.Testing;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>CloudTrail records of Glacier calls for report tests, any string value carried exactly.</summary>
internal static class ReportRecords
{
    public static string Record(
        string eventName,
        string? vault = null,
        string arn = "arn:aws:iam::111122223333:user/archive-admin",
        DateTimeOffset? time = null,
        string? errorCode = null,
        string? errorMessage = null,
        string userAgent = "aws-cli/2.15.0",
        string sourceIp = "203.0.113.9",
        string? eventId = null,
        string? tier = null)
    {
        var request = new RecordBuilder().Set("accountId", "-");
        if (vault is not null)
        {
            request.Set("vaultName", vault);
        }

        if (eventName == "InitiateJob")
        {
            var job = new RecordBuilder().Set("type", "archive-retrieval").Set("archiveId", "EXAMPLEARCHIVEID");
            if (tier is not null)
            {
                job.Set("tier", tier);
            }

            request.Set("jobParameters", job);
        }

        var record = RecordBuilder.Glacier(eventName)
            .Set("userIdentity", new RecordBuilder().Set("type", "IAMUser").Set("principalId", "AIDAEXAMPLE").Set("arn", arn).Set("accountId", "111122223333"))
            .Set("eventTime", (time ?? new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Set("sourceIPAddress", sourceIp)
            .Set("userAgent", userAgent)
            .Set("errorCode", errorCode)
            .Set("errorMessage", errorMessage)
            .Set("requestParameters", request)
            .Set("eventID", eventId ?? Guid.NewGuid().ToString());
        if (errorCode is null)
        {
            record.Remove("errorCode");
        }

        if (errorMessage is null)
        {
            record.Remove("errorMessage");
        }

        return record.ToString();
    }
}

/// <summary>A log file in a temporary folder, deleted with it.</summary>
internal sealed class TemporaryLog : IDisposable
{
    public TemporaryLog(string json, string name = "log.json")
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "glaciertrail-log-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, name);
        File.WriteAllText(Path, json, new UTF8Encoding(false));
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
