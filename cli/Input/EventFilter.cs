using System;
using System.Collections.Generic;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Input;

/// <summary>The filters of <c>events</c> and <c>summary</c>.</summary>
internal sealed class EventFilter
{
    public HashSet<string>? EventNames { get; init; }

    public string? Vault { get; init; }

    public string? Principal { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool ErrorsOnly { get; init; }

    /// <summary>Event sources to keep; by default every source that has a schema.</summary>
    public HashSet<string> Sources { get; init; } = DefaultSources();

    /// <summary>Every record, whatever its source (<c>--all</c>).</summary>
    public bool AllSources { get; init; }

    public bool NeedsJson => Vault is not null;

    public static HashSet<string> DefaultSources()
    {
        var sources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in GlacierTrailEvents.KnownEvents)
        {
            sources.Add(key.EventSource);
        }

        return sources;
    }

    public bool MatchesSource(CloudTrailEvent evt) => AllSources || Sources.Contains(evt.EventSource);

    /// <summary>Whether the event passes every filter; <paramref name="json"/> is loaded with it when <see cref="NeedsJson"/>.</summary>
    public bool Matches(CloudTrailEvent evt, RecordJson? json)
    {
        if (!MatchesSource(evt))
        {
            return false;
        }

        if (EventNames is not null && !EventNames.Contains(evt.EventName))
        {
            return false;
        }

        if (Since is { } since && !(evt.EventTime >= since))
        {
            return false;
        }

        if (Until is { } until && !(evt.EventTime < until))
        {
            return false;
        }

        if (ErrorsOnly && evt.ErrorCode is null && evt.ErrorMessage is null)
        {
            return false;
        }

        if (Principal is not null && !Input.Principal.Matches(evt, Principal))
        {
            return false;
        }

        if (Vault is not null && !string.Equals(json?.Vault, Vault, StringComparison.Ordinal))
        {
            return false;
        }

        return true;
    }
}
