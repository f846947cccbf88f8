using System;
using System.Collections.Generic;
using GlacierTrail.Cli.Commands;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Audit;

/// <summary>
/// Counts the <see cref="SensitiveActions"/> of a run and keeps the most recent entries of each
/// category: at most <c>top</c> per category, whatever the volume read, so memory stays bounded.
/// </summary>
public sealed class SensitiveActionLog
{
    private readonly int _top;
    private readonly Dictionary<SensitiveActionCategory, Tally> _tallies = new();
    private long _sequence;

    public SensitiveActionLog(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        _top = top;
        foreach (var category in SensitiveActions.All)
        {
            _tallies[category] = new Tally();
        }
    }

    /// <summary>Counts the event if it is a sensitive action; <paramref name="vault"/> is the vault it acts on.</summary>
    public void Add(CloudTrailEvent evt, string? vault)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (SensitiveActions.CategoryOf(evt) is not { } category)
        {
            return;
        }

        var tally = _tallies[category];
        tally.Count++;
        string? detail = category == SensitiveActions.Denied ? evt.ErrorCode : RetrievalKind(evt);
        if (category == SensitiveActions.Retrievals)
        {
            string kind = detail ?? "(type and tier not given)";
            tally.ByKind[kind] = tally.ByKind.GetValueOrDefault(kind) + 1;
        }

        if (_top == 0)
        {
            return;
        }

        // A min-heap on (time, input position) of the newest entries: the oldest leaves first,
        // and of two at one time the one read first.
        long key = TimeOrder.Key(evt);
        long sequence = _sequence++;
        if (tally.Recent.Count == _top)
        {
            tally.Recent.TryPeek(out _, out var oldest);
            if (key < oldest.Key || (key == oldest.Key && sequence < oldest.Sequence))
            {
                return;
            }

            tally.Recent.Dequeue();
        }

        var entry = new SensitiveActionEntry(EventsCommand.Time(evt.EventTime), evt.EventName, Principal.Display(evt), evt.SourceIPAddress, vault, evt.EventId, detail);
        tally.Recent.Enqueue(entry, (key, sequence));
    }

    /// <summary>How many events of the category were counted.</summary>
    public long Count(SensitiveActionCategory category) => _tallies[category].Count;

    /// <summary>For <see cref="SensitiveActions.Retrievals"/>: counts by "type tier" (<c>archive-retrieval Expedited</c>), most first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByKind(SensitiveActionCategory category)
    {
        var kinds = new List<KeyValuePair<string, long>>(_tallies[category].ByKind);
        kinds.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return kinds;
    }

    /// <summary>The most recent entries of the category, newest first.</summary>
    public IReadOnlyList<SensitiveActionEntry> Recent(SensitiveActionCategory category)
    {
        var heap = _tallies[category].Recent;
        var ordered = new List<(SensitiveActionEntry Entry, (long Key, long Sequence) Priority)>(heap.UnorderedItems);
        ordered.Sort(static (a, b) => b.Priority.CompareTo(a.Priority));
        return ordered.ConvertAll(static item => item.Entry);
    }

    private static string? RetrievalKind(CloudTrailEvent evt)
    {
        if (evt is not InitiateJobEvent { RequestParameters.JobParameters: { } job })
        {
            return null;
        }

        string? type = job.Type?.ToString();
        string? tier = job.Tier?.ToString();
        return type is null && tier is null ? null : $"{type ?? "(no type)"} {tier ?? "Standard (default)"}";
    }

    private sealed class Tally
    {
        public long Count { get; set; }

        public Dictionary<string, long> ByKind { get; } = new(StringComparer.Ordinal);

        public PriorityQueue<SensitiveActionEntry, (long Key, long Sequence)> Recent { get; } = new();
    }
}
