using System;
using System.Collections.Generic;
using System.IO;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// <c>--sort time</c>: the formatted output of the matching events, held until the input ends and
/// then written in event-time order. Events without a time come last; ties keep input order
/// (path, then record index). Only matching events are held, as their output text, up to
/// <see cref="MaxHeldChars"/>; past that the run stops with an error rather than exhaust memory.
/// </summary>
internal sealed class TimeOrder
{
    /// <summary>The most output held for sorting: 128 Mi characters (256 MiB), about 150,000 NDJSON events or a million table rows.</summary>
    public const long MaxHeldChars = 128L * 1024 * 1024;

    private readonly List<Row> _rows = new();
    private readonly long _limit;
    private long _held;

    public TimeOrder(long limit = MaxHeldChars) => _limit = limit;

    /// <summary>The sort key of an event: its time in UTC ticks, or after every time when it has none.</summary>
    public static long Key(CloudTrailEvent evt) => evt.EventTime?.UtcTicks ?? long.MaxValue;

    /// <summary>Holds one event's output; throws <see cref="SortLimitException"/> past the limit.</summary>
    public void Add(long key, string text)
    {
        _held += text.Length;
        if (_held > _limit)
        {
            throw new SortLimitException(_limit);
        }

        _rows.Add(new Row(key, _rows.Count, text));
    }

    public void WriteTo(TextWriter output)
    {
        // List.Sort is not stable: the input position breaks ties.
        _rows.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Sequence.CompareTo(b.Sequence));
        foreach (var row in _rows)
        {
            output.Write(row.Text);
        }

        _rows.Clear();
        _held = 0;
    }

    private readonly record struct Row(long Key, int Sequence, string Text);
}
