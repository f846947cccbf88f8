using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>CloudTrail records of Glacier calls for report tests, written with a JSON writer so any string value is carried exactly.</summary>
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
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("eventVersion", "1.08");
            w.WriteStartObject("userIdentity");
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", "AIDAEXAMPLE");
            w.WriteString("arn", arn);
            w.WriteString("accountId", "111122223333");
            w.WriteEndObject();
            w.WriteString("eventTime", (time ?? new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("eventSource", "glacier.amazonaws.com");
            w.WriteString("eventName", eventName);
            w.WriteString("awsRegion", "us-east-1");
            w.WriteString("sourceIPAddress", sourceIp);
            w.WriteString("userAgent", userAgent);
            if (errorCode is not null)
            {
                w.WriteString("errorCode", errorCode);
            }

            if (errorMessage is not null)
            {
                w.WriteString("errorMessage", errorMessage);
            }

            w.WriteStartObject("requestParameters");
            w.WriteString("accountId", "-");
            if (vault is not null)
            {
                w.WriteString("vaultName", vault);
            }

            if (eventName == "InitiateJob")
            {
                w.WriteStartObject("jobParameters");
                w.WriteString("type", "archive-retrieval");
                w.WriteString("archiveId", "EXAMPLEARCHIVEID");
                if (tier is not null)
                {
                    w.WriteString("tier", tier);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNull("responseElements");
            w.WriteString("requestID", "REQUEST");
            w.WriteString("eventID", eventId ?? Guid.NewGuid().ToString());
            w.WriteBoolean("readOnly", false);
            w.WriteString("eventType", "AwsApiCall");
            w.WriteBoolean("managementEvent", true);
            w.WriteString("recipientAccountId", "111122223333");
            w.WriteString("eventCategory", "Management");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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
