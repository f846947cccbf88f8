using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Problems;

namespace GlacierTrail.Cli.Audit;

/// <summary>
/// The counts of a run over the matched events: by event name, principal, vault, error code and
/// source IP, the time range, and the sensitive actions. <c>summary</c> prints them and
/// <c>report</c> draws them; both read through <see cref="ReadAsync"/>, so their numbers agree.
/// </summary>
internal sealed class AuditCounts
{
    /// <summary>The key a record without the value is counted under.</summary>
    public const string None = "(none)";

    private readonly (string Name, Dictionary<string, long> Counts)[] _dimensions =
    [
        ("eventName", new(StringComparer.Ordinal)),
        ("principal", new(StringComparer.Ordinal)),
        ("vault", new(StringComparer.Ordinal)),
        ("errorCode", new(StringComparer.Ordinal)),
        ("sourceIPAddress", new(StringComparer.Ordinal)),
    ];

    public AuditCounts(int top)
    {
        Sensitive = new SensitiveActionLog(top);
    }

    /// <summary>Records that passed the filters.</summary>
    public long Matched { get; private set; }

    /// <summary>The earliest event time of the matched records, or null when none has one.</summary>
    public DateTimeOffset? First { get; private set; }

    /// <summary>The latest event time of the matched records.</summary>
    public DateTimeOffset? Last { get; private set; }

    /// <summary>The sensitive actions of the matched records.</summary>
    public SensitiveActionLog Sensitive { get; }

    /// <summary>The problems of the matched records (set once reading starts).</summary>
    public ProblemLog? Problems { get; private set; }

    /// <summary>Counts by event name, principal, vault, error code and source IP, in that order, named as in JSON.</summary>
    public IReadOnlyList<(string Name, Dictionary<string, long> Counts)> Dimensions => _dimensions;

    public IReadOnlyDictionary<string, long> EventNames => _dimensions[0].Counts;

    public IReadOnlyDictionary<string, long> Principals => _dimensions[1].Counts;

    public IReadOnlyDictionary<string, long> Vaults => _dimensions[2].Counts;

    public IReadOnlyDictionary<string, long> ErrorCodes => _dimensions[3].Counts;

    /// <summary>
    /// Reads the input, counts every record the filter keeps, and hands each one with its vault to
    /// <paramref name="each"/> (a view that needs more than the counts).
    /// </summary>
    public async Task ReadAsync(LogInput input, EventFilter filter, Action<InputRecord, string?>? each, CancellationToken cancellationToken)
    {
        using var json = new RecordJson();
        Problems ??= new ProblemLog(input, warn: false);
        await foreach (var record in input.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var evt = record.Event;
            if (!filter.MatchesSource(evt))
            {
                continue;
            }

            json.Load(evt);
            if (!filter.Matches(evt, json))
            {
                continue;
            }

            string? vault = json.Vault;
            Add(evt, vault);
            Problems.Add(record);
            each?.Invoke(record, vault);
        }
    }

    /// <summary>Counts by descending count, then key: the order every view lists them in.</summary>
    public static IEnumerable<KeyValuePair<string, long>> Ordered(IReadOnlyDictionary<string, long> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);

    private void Add(CloudTrailEvent evt, string? vault)
    {
        Matched++;
        if (evt.EventTime is { } time)
        {
            First = First is null || time < First ? time : First;
            Last = Last is null || time > Last ? time : Last;
        }

        Sensitive.Add(evt, vault);
        Count(_dimensions[0].Counts, evt.EventName);
        Count(_dimensions[1].Counts, Principal.Display(evt));
        Count(_dimensions[2].Counts, vault);
        Count(_dimensions[3].Counts, evt.ErrorCode);
        Count(_dimensions[4].Counts, evt.SourceIPAddress);
    }

    private static void Count(Dictionary<string, long> counts, string? key)
    {
        key ??= None;
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
