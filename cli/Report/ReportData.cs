using System;
using System.Collections.Generic;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Input;
using GlacierTrail.Events;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// What the report shows, gathered in one pass over the matched records: the counts
/// <c>summary</c> prints (<see cref="AuditCounts"/>, the same code), and per vault, per principal,
/// per time bucket, per error and per schema problem what the report adds. Memory follows the
/// number of distinct vaults, principals and groups, not of records.
/// </summary>
internal sealed class ReportData
{
    /// <summary>The tier of a retrieval that names none: Glacier's default.</summary>
    public const string DefaultTier = "Standard (default)";

    /// <summary>The series of a retrieval whose tier is none of Glacier's.</summary>
    public const string OtherTier = "other";

    /// <summary>The tiers the retrieval chart draws, in order.</summary>
    public static IReadOnlyList<string> Tiers { get; } = ["Expedited", "Standard", "Bulk", DefaultTier, OtherTier];

    private readonly Dictionary<string, EntityStats> _vaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityStats> _principals = new(StringComparer.Ordinal);

    public ReportData(LogInput input, AuditCounts counts, ReportProvenance provenance)
    {
        Input = input;
        Counts = counts;
        Provenance = provenance;
    }

    public LogInput Input { get; }

    /// <summary>The summary's counts, from the summary's code.</summary>
    public AuditCounts Counts { get; }

    public ReportProvenance Provenance { get; }

    /// <summary>Sensitive actions over time, by vault (<see cref="AuditCounts.None"/> for calls on none) and category index in <see cref="SensitiveActions.All"/>.</summary>
    public TimeBins<(string Vault, int Category)> Timeline { get; } = new();

    /// <summary>Retrieval jobs started over time, by tier (one of <see cref="Tiers"/>).</summary>
    public TimeBins<string> Retrievals { get; } = new();

    /// <summary>Failed calls by error code and event name, with the latest error message.</summary>
    public CappedGroups<(string ErrorCode, string EventName), ExampleGroup> Errors { get; } = new(() => new ExampleGroup());

    /// <summary>Schema problems by event name, path and kind, with the latest raw value.</summary>
    public CappedGroups<(string EventName, string Path, CloudTrailProblemKind Kind), ExampleGroup> Problems { get; } = new(() => new ExampleGroup());

    /// <summary>Matched records with at least one problem.</summary>
    public long RecordsWithProblems { get; private set; }

    /// <summary>Sensitive actions without an event time: counted everywhere but not on the timeline.</summary>
    public long Undated { get; private set; }

    public IReadOnlyDictionary<string, EntityStats> Vaults => _vaults;

    public IReadOnlyDictionary<string, EntityStats> Principals => _principals;

    /// <summary>The digest validation, when keys were given; null otherwise.</summary>
    public DigestValidationResult? Integrity { get; set; }

    /// <summary>Why there is no validation although keys were given (no folder among the inputs); null otherwise.</summary>
    public string? IntegrityNote { get; set; }

    /// <summary>Takes one matched record; <paramref name="vault"/> is the vault it acts on.</summary>
    public void Add(InputRecord record, string? vault)
    {
        var evt = record.Event;
        var category = SensitiveActions.CategoryOf(evt);
        Stats(_vaults, vault).Add(evt, category);
        Stats(_principals, Principal.Display(evt)).Add(evt, category);
        if (category is not null)
        {
            if (evt.EventTime is { } time)
            {
                Timeline.Add((vault ?? AuditCounts.None, IndexOf(category)), time);
                if (category == SensitiveActions.Retrievals)
                {
                    Retrievals.Add(TierOf(evt), time);
                }
            }
            else
            {
                Undated++;
            }
        }

        if (evt.ErrorCode is { } code)
        {
            Errors.Get((code, evt.EventName))?.Add(evt.EventTime, evt.ErrorMessage, record.Location);
        }

        if (evt.HasProblems)
        {
            RecordsWithProblems++;
            foreach (var problem in evt.Problems)
            {
                Problems.Get((evt.EventName, problem.Path, problem.Kind))?.Add(evt.EventTime, problem.RawValue?.ToString() ?? problem.Message, record.Location);
            }
        }
    }

    private static EntityStats Stats(Dictionary<string, EntityStats> all, string? key)
    {
        key ??= AuditCounts.None;
        if (!all.TryGetValue(key, out var stats))
        {
            all[key] = stats = new EntityStats();
        }

        return stats;
    }

    private static int IndexOf(SensitiveActionCategory category)
    {
        for (int i = 0; i < SensitiveActions.All.Count; i++)
        {
            if (SensitiveActions.All[i] == category)
            {
                return i;
            }
        }

        throw new ArgumentException("not a category of SensitiveActions.All", nameof(category));
    }

    private static string TierOf(CloudTrailEvent evt)
    {
        string? tier = (evt as InitiateJobEvent)?.RequestParameters?.JobParameters?.Tier?.ToString();
        if (tier is null)
        {
            return DefaultTier;
        }

        // Tiers are an open value set in the logs; only Glacier's own get a series, so a hostile
        // or misspelt tier cannot add series to the chart.
        foreach (string known in Tiers)
        {
            if (string.Equals(known, tier, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return OtherTier;
    }
}
