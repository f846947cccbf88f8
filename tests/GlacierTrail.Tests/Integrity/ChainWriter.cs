using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GlacierTrail.Testing;

namespace GlacierTrail.Testing.Integrity;

/// <summary>
/// Writes a digest chain and its log files the way CloudTrail does, under a local folder laid out
/// as <c>aws s3 sync</c> leaves a trail bucket: gzip log files under
/// <c>AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD</c>, an hourly gzip digest under
/// <c>CloudTrail-Digest</c> in CloudTrail's member order, each signed over its signed text, the
/// next one carrying its signature and the SHA-256 of its uncompressed bytes.
/// </summary>
internal sealed class ChainWriter
{
    public const string Bucket = "aws-cloudtrail-logs-test-3f9a";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _prefix;
    private WrittenDigest? _previous;
    private int _logCount;

    public ChainWriter(string root, string account = "111122223333", string region = "us-east-1", string trail = "audit-trail", string homeRegion = "us-east-1", string? organizationId = null, bool backfill = false, string keyPrefix = "", DateTimeOffset? firstEnd = null)
    {
        Root = root;
        Account = account;
        Region = region;
        Trail = trail;
        HomeRegion = homeRegion;
        Backfill = backfill;
        KeyPrefix = keyPrefix;
        _prefix = keyPrefix + (organizationId is null ? $"AWSLogs/{account}" : $"AWSLogs/{organizationId}/{account}");
        NextEnd = firstEnd ?? new DateTimeOffset(2025, 3, 14, 9, 1, 31, TimeSpan.Zero);
    }

    public string Root { get; }

    public string Account { get; }

    public string Region { get; }

    public string Trail { get; }

    public string HomeRegion { get; }

    public bool Backfill { get; }

    public string KeyPrefix { get; }

    /// <summary>The end time of the next digest.</summary>
    public DateTimeOffset NextEnd { get; set; }

    public List<WrittenDigest> Digests { get; } = [];

    /// <summary>The newest digest's signature, keyed as the <c>head-object</c> loop keys it.</summary>
    public Dictionary<string, string> NewestSignature => new() { [Digests[^1].Key] = Digests[^1].Signature };

    /// <summary>
    /// One hour: <paramref name="logFiles"/> log files delivered in it, then the digest that lists
    /// them (and <paramref name="extraEntries"/>, keys of files that were never written), signed by
    /// <paramref name="signer"/> (default: <paramref name="key"/>, whose fingerprint it names).
    /// </summary>
    public WrittenDigest Hour(TestKey key, int logFiles = 2, TestKey? signer = null, IReadOnlyList<string>? extraEntries = null)
    {
        var end = NextEnd;
        var start = end.AddHours(-1);
        NextEnd = end.AddHours(1);
        var logs = new List<WrittenLog>();
        for (int i = 0; i < logFiles; i++)
        {
            logs.Add(WriteLog(start.AddMinutes(5 + (50 * i / Math.Max(1, logFiles)))));
        }

        string endText = Time(end);
        string name = $"{Account}_CloudTrail-Digest_{Region}_{Trail}_{HomeRegion}_{end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}{(Backfill ? "_backfill" : "")}.json.gz";
        string objectKey = $"{_prefix}/CloudTrail-Digest/{Region}/{DatePath(end)}/{name}";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("awsAccountId", Account);
            w.WriteString("digestStartTime", Time(start));
            w.WriteString("digestEndTime", endText);
            w.WriteString("digestS3Bucket", Bucket);
            w.WriteString("digestS3Object", objectKey);
            w.WriteString("digestPublicKeyFingerprint", key.Fingerprint);
            w.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
            NullableString(w, "newestEventTime", logs.Count == 0 ? null : Time(logs[^1].EventTime));
            NullableString(w, "oldestEventTime", logs.Count == 0 ? null : Time(logs[0].EventTime));
            NullableString(w, "previousDigestS3Bucket", _previous is null ? null : Bucket);
            NullableString(w, "previousDigestS3Object", _previous?.Key);
            NullableString(w, "previousDigestHashValue", _previous is null ? null : Convert.ToHexStringLower(SHA256.HashData(_previous.Json)));
            NullableString(w, "previousDigestHashAlgorithm", _previous is null ? null : "SHA-256");
            NullableString(w, "previousDigestSignature", _previous?.Signature);
            w.WriteStartArray("logFiles");
            foreach (var log in logs)
            {
                Entry(w, log.Key, log.Sha256, log.EventTime);
            }

            foreach (string extra in extraEntries ?? [])
            {
                Entry(w, extra, new string('0', 64), start);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        byte[] json = buffer.ToArray();
        string signature = (signer ?? key).Sign(SignedText(endText, objectKey, json, _previous?.Signature));
        string path = Write(objectKey, Gzip(json));
        var digest = new WrittenDigest(objectKey, path, endText, json, signature, logs);
        Digests.Add(digest);
        _previous = digest;
        return digest;
    }

    /// <summary>The next digest starts a new chain (logging was stopped and started again), <paramref name="hoursOff"/> hours later.</summary>
    public void Restart(int hoursOff = 3)
    {
        _previous = null;
        NextEnd = NextEnd.AddHours(hoursOff);
    }

    /// <summary>A log file delivered at <paramref name="delivered"/>, in the layout, with one Glacier record.</summary>
    public WrittenLog WriteLog(DateTimeOffset delivered)
    {
        string unique = (++_logCount).ToString("D4", CultureInfo.InvariantCulture) + "AbCdEfGhIjKl";
        string name = $"{Account}_CloudTrail_{Region}_{delivered.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{unique}.json.gz";
        string key = $"{_prefix}/CloudTrail/{Region}/{DatePath(delivered)}/{name}";
        var eventTime = delivered.AddMinutes(-4);
        byte[] json = RecordBuilder.Log(new RecordBuilder()
            .Set("eventVersion", "1.08")
            .Set("userIdentity", new RecordBuilder().Set("type", "IAMUser").Set("accountId", Account))
            .Set("eventTime", Time(eventTime))
            .Set("eventSource", "glacier.amazonaws.com")
            .Set("eventName", "ListVaults")
            .Set("awsRegion", Region)
            .Set("sourceIPAddress", $"192.0.2.{_logCount % 250}")
            .Set("requestParameters", new RecordBuilder().Set("accountId", "-"))
            .SetJson("responseElements", "null")
            .Set("eventID", Guid.Empty.ToString())
            .Set("eventType", "AwsApiCall")
            .Set("recipientAccountId", Account)
            .ToString());
        string path = Write(key, Gzip(json));
        return new WrittenLog(key, path, Convert.ToHexStringLower(SHA256.HashData(json)), eventTime);
    }

    /// <summary>The signed text of a digest: end time as written, bucket/key, SHA-256 of the uncompressed digest, previous signature or <c>null</c>.</summary>
    public static byte[] SignedText(string endText, string objectKey, byte[] json, string? previousSignature) =>
        Encoding.UTF8.GetBytes(endText + "\n" + Bucket + "/" + objectKey + "\n" + Convert.ToHexStringLower(SHA256.HashData(json)) + "\n" + (previousSignature ?? "null"));

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The local path of a key: the part from <c>AWSLogs/</c> on, under the root (a trail's key prefix is not synced).</summary>
    public string LocalPath(string key) =>
        Path.Combine(Root, key[key.IndexOf("AWSLogs/", StringComparison.Ordinal)..].Replace('/', Path.DirectorySeparatorChar));

    private static void Entry(Utf8JsonWriter w, string key, string sha256, DateTimeOffset eventTime)
    {
        w.WriteStartObject();
        w.WriteString("s3Bucket", Bucket);
        w.WriteString("s3Object", key);
        w.WriteString("hashValue", sha256);
        w.WriteString("hashAlgorithm", "SHA-256");
        w.WriteString("newestEventTime", Time(eventTime));
        w.WriteString("oldestEventTime", Time(eventTime));
        w.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string DatePath(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    private string Write(string key, byte[] bytes)
    {
        string path = LocalPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
