using System;
using System.Globalization;
using System.IO;

namespace GlacierTrail.Integrity;

/// <summary>
/// The <c>AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail[-Digest]/REGION/.../NAME</c> layout CloudTrail
/// writes, read from S3 keys and from local paths, and S3 keys turned into local paths that
/// cannot leave the folder being verified.
/// </summary>
internal static class AwsLogsPath
{
    public const string Root = "AWSLogs";
    public const string LogFolder = "CloudTrail";
    public const string DigestFolder = "CloudTrail-Digest";

    /// <summary>Where a local file sits in the layout, or null when it is not in it.</summary>
    public static AwsLogsLocation? FromLocalPath(string fullPath)
    {
        string[] segments = fullPath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            if (segments[i] == Root && TryParse(segments.AsSpan(i), out var parsed))
            {
                string baseDirectory = string.Join(Path.DirectorySeparatorChar, segments, 0, i);
                return parsed with { BaseDirectory = baseDirectory.Length == 0 ? Path.DirectorySeparatorChar.ToString() : baseDirectory };
            }
        }

        return null;
    }

    /// <summary>The part of an S3 key from <c>AWSLogs/</c> on, parsed (a trail's key prefix is not part of a synced folder), or null.</summary>
    public static AwsLogsLocation? FromS3Key(string key)
    {
        string[] segments = key.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (segments[i] == Root && TryParse(segments.AsSpan(i), out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    /// <summary>
    /// The local path of an S3 key under <paramref name="baseDirectory"/> (the folder holding
    /// <c>AWSLogs</c>), or null with the reason when the key is not a plain CloudTrail key or its
    /// path would leave <paramref name="root"/>.
    /// </summary>
    public static string? Resolve(string key, string baseDirectory, string root, out string reason)
    {
        foreach (string segment in key.Split('/'))
        {
            if (segment is "." or ".." || segment.AsSpan().IndexOfAny('\\', ':', '\0') >= 0)
            {
                reason = $"the key has a '{segment}' segment, which could lead outside the folder";
                return null;
            }
        }

        if (FromS3Key(key) is not { } location)
        {
            reason = "the key is not in CloudTrail's AWSLogs/ layout";
            return null;
        }

        string path = Path.GetFullPath(Path.Join(baseDirectory, location.Key.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsUnder(path, root))
        {
            reason = $"the file would be outside the folder being verified ({root})";
            return null;
        }

        reason = string.Empty;
        return path;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both full paths).</summary>
    public static bool IsUnder(string path, string root)
    {
        string prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || path == root;
    }

    /// <summary>
    /// Reads a digest file name,
    /// <c>ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ[_backfill].json.gz</c>
    /// (a trail name may hold underscores; the parts around it do not).
    /// </summary>
    public static bool TryParseDigestName(string name, out string trail, out string homeRegion, out bool backfill)
    {
        trail = homeRegion = string.Empty;
        string stem = StripJson(name);
        backfill = stem.EndsWith("_backfill", StringComparison.Ordinal);
        if (backfill)
        {
            stem = stem[..^"_backfill".Length];
        }

        string[] parts = stem.Split('_');
        if (parts.Length < 6 || parts[1] != DigestFolder || !IsStamp(parts[^1], "yyyyMMdd'T'HHmmss'Z'"))
        {
            return false;
        }

        homeRegion = parts[^2];
        trail = string.Join('_', parts, 3, parts.Length - 5);
        return trail.Length > 0 && homeRegion.Length > 0;
    }

    /// <summary>The delivery time in a log file name (<c>ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz</c>), to the minute, or null.</summary>
    public static DateTimeOffset? LogDeliveryTime(string name)
    {
        string[] parts = StripJson(name).Split('_');
        if (parts.Length >= 5 && parts[1] == LogFolder
            && DateTimeOffset.TryParseExact(parts[3], "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        return null;
    }

    private static string StripJson(string name)
    {
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        return name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name;
    }

    private static bool IsStamp(string text, string format) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // AWSLogs / [o-ORGID /] ACCOUNT / CloudTrail|CloudTrail-Digest / REGION / ... / NAME
    private static bool TryParse(ReadOnlySpan<string> segments, out AwsLogsLocation location)
    {
        location = null!;
        int i = 1;
        string? organization = null;
        if (i < segments.Length && segments[i].StartsWith("o-", StringComparison.Ordinal))
        {
            organization = segments[i++];
        }

        if (segments.Length - i < 4 || !IsAccount(segments[i]) || segments[i + 1] is not (LogFolder or DigestFolder) || segments[i + 2].Length == 0)
        {
            return false;
        }

        location = new AwsLogsLocation(
            BaseDirectory: string.Empty,
            Key: string.Join('/', segments.ToArray()),
            OrganizationId: organization,
            AccountId: segments[i],
            IsDigest: segments[i + 1] == DigestFolder,
            Region: segments[i + 2],
            FileName: segments[^1]);
        return true;
    }

    private static bool IsAccount(string segment)
    {
        if (segment.Length != 12)
        {
            return false;
        }

        foreach (char c in segment)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
