using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace GlacierTrail.Integrity;

/// <summary>
/// Log files on disk that no digest references: an error when a digest covers their delivery
/// time (the file was added afterwards), a warning when none does (not yet covered, or
/// delivered while validation was off), and one warning per account and region without digests.
/// </summary>
internal static class LogCoverage
{
    // Log file names carry the delivery time to the minute.
    private static readonly TimeSpan NameResolution = TimeSpan.FromMinutes(1);

    public static void Run(IReadOnlyList<ScannedFile> logs, IReadOnlyList<DigestFile> readable, HashSet<string> referenced, DigestValidationOptions options, FindingSink sink)
    {
        var periods = new Dictionary<string, List<(DateTimeOffset Start, DateTimeOffset End)>>(StringComparer.Ordinal);
        foreach (var digest in readable)
        {
            string area = digest.Claimed!.Area;
            if (!periods.TryGetValue(area, out var list))
            {
                periods[area] = list = [];
            }

            list.Add((digest.Document!.DigestStartTime, digest.Document.DigestEndTime));
        }

        var merged = new Dictionary<string, List<(DateTimeOffset Start, DateTimeOffset End)>>(StringComparer.Ordinal);
        foreach (var (area, list) in periods)
        {
            merged[area] = Merge(list);
        }

        var withoutDigests = new SortedDictionary<string, (ScannedFile First, int Count)>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            if (referenced.Contains(log.Path))
            {
                continue;
            }

            var delivered = AwsLogsPath.LogDeliveryTime(log.Location.FileName);
            if (delivered is { } t && ((options.Since is { } since && t + NameResolution <= since) || (options.Until is { } until && t >= until)))
            {
                continue;
            }

            var file = new IntegrityFile(log.Location.Key, log.Path);
            if (!merged.TryGetValue(log.Location.Area, out var covered))
            {
                withoutDigests[log.Location.Area] = withoutDigests.TryGetValue(log.Location.Area, out var seen) ? (seen.First, seen.Count + 1) : (log, 1);
            }
            else if (delivered is not { } time)
            {
                sink.Add(file, IntegrityFindingKind.LogFileUnreferenced, "no digest references it, and its name carries no delivery time: it was not delivered by CloudTrail as it is");
            }
            else if (Covers(covered, time, time + NameResolution))
            {
                sink.Add(file, IntegrityFindingKind.LogFileUnreferenced, $"no digest references it, although the digests cover its delivery time {Time(time)}: added after delivery?");
            }
            else if (time + NameResolution > covered[^1].End)
            {
                sink.Add(file, IntegrityFindingKind.LogFileNotCovered, $"delivered at {Time(time)}, after the newest digest of its account and region ends ({Time(covered[^1].End)}): not yet covered");
            }
            else
            {
                sink.Add(file, IntegrityFindingKind.LogFileNotCovered, $"no digest on disk covers its delivery time {Time(time)}");
            }
        }

        foreach (var (first, count) in withoutDigests.Values)
        {
            var location = first.Location;
            string key = location.Key[..(location.Key.IndexOf("/" + AwsLogsPath.LogFolder + "/", StringComparison.Ordinal) + AwsLogsPath.LogFolder.Length + 2)] + location.Region + "/";
            string folder = Path.Join(location.BaseDirectory, key.Replace('/', Path.DirectorySeparatorChar));
            sink.Add(new IntegrityFile(key, folder), IntegrityFindingKind.NoDigest,
                $"{count} log file(s) of account {location.AccountId} in {location.Region} and no digest for them: log file validation was off, or the CloudTrail-Digest folder was not synced");
        }
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(List<(DateTimeOffset Start, DateTimeOffset End)> periods)
    {
        periods.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var period in periods)
        {
            // Consecutive digests share their boundary; a second either way is still contiguous.
            if (merged.Count > 0 && period.Start <= merged[^1].End + TimeSpan.FromSeconds(1))
            {
                merged[^1] = (merged[^1].Start, period.End > merged[^1].End ? period.End : merged[^1].End);
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }

    private static bool Covers(List<(DateTimeOffset Start, DateTimeOffset End)> merged, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var (start, end) in merged)
        {
            if (start <= from && to <= end)
            {
                return true;
            }
        }

        return false;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
