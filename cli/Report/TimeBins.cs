using System;
using System.Collections.Generic;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// Counts of events in time buckets, per series (a vault and a category, a retrieval tier), in
/// bounded memory: buckets start one second wide and double in width whenever the range seen
/// would need more than <see cref="MaxBuckets"/> of them, so a year of logs costs no more than an
/// hour. Buckets are aligned to the Unix epoch, so doubling merges pairs exactly.
/// </summary>
internal sealed class TimeBins<TKey>
    where TKey : notnull
{
    /// <summary>The most buckets the range is cut into: several per pixel column of a chart.</summary>
    public const int MaxBuckets = 1024;

    private readonly Dictionary<TKey, Dictionary<long, long>> _series = new();
    private long _min = long.MaxValue;
    private long _max = long.MinValue;

    /// <summary>The width of a bucket in seconds.</summary>
    public long Width { get; private set; } = 1;

    public IEnumerable<TKey> Keys => _series.Keys;

    public void Add(TKey key, DateTimeOffset time)
    {
        long bucket = Math.DivRem(time.ToUnixTimeSeconds(), Width, out long rest) - (rest < 0 ? 1 : 0);
        _min = Math.Min(_min, bucket);
        _max = Math.Max(_max, bucket);
        while (_max - _min >= MaxBuckets)
        {
            bucket = Coarsen(bucket);
        }

        if (!_series.TryGetValue(key, out var counts))
        {
            _series[key] = counts = new Dictionary<long, long>();
        }

        counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
    }

    /// <summary>The buckets of a series: each one's start (Unix seconds) and count.</summary>
    public IEnumerable<(long Start, long Count)> Buckets(TKey key)
    {
        if (!_series.TryGetValue(key, out var counts))
        {
            yield break;
        }

        foreach (var (bucket, count) in counts)
        {
            yield return (bucket * Width, count);
        }
    }

    private long Coarsen(long bucket)
    {
        Width *= 2;
        _min = Half(_min);
        _max = Half(_max);
        foreach (var key in new List<TKey>(_series.Keys))
        {
            var merged = new Dictionary<long, long>();
            foreach (var (b, count) in _series[key])
            {
                long half = Half(b);
                merged[half] = merged.GetValueOrDefault(half) + count;
            }

            _series[key] = merged;
        }

        return Half(bucket);
    }

    private static long Half(long bucket) => bucket >> 1; // floor division by 2, negative times too
}
