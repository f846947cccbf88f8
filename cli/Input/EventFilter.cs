using System;
using System.Collections.Generic;
using System.Text;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Input;

/// <summary>The filters of <c>events</c> and <c>summary</c>.</summary>
internal sealed class EventFilter
{
    public HashSet<string>? EventNames { get; init; }

    /// <summary>Vault names to keep (any of them); null keeps every event.</summary>
    public HashSet<string>? Vaults { get; init; }

    /// <summary>Principals to keep (any of them, as <see cref="Input.Principal.Matches"/> reads each).</summary>
    public IReadOnlyList<string>? Principals { get; init; }

    /// <summary>Account IDs (<c>recipientAccountId</c>) to keep.</summary>
    public HashSet<string>? Accounts { get; init; }

    /// <summary>Regions (<c>awsRegion</c>) to keep.</summary>
    public HashSet<string>? Regions { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool ErrorsOnly { get; init; }

    /// <summary>Event sources to keep; by default every source that has a schema.</summary>
    public HashSet<string> Sources { get; init; } = DefaultSources();

    /// <summary>Every record, whatever its source (<c>--all</c>).</summary>
    public bool AllSources { get; init; }

    public bool NeedsJson => Vaults is not null;

    public static HashSet<string> DefaultSources()
    {
        var sources = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in GlacierTrailEvents.KnownEvents)
        {
            sources.Add(key.EventSource);
        }

        return sources;
    }

    /// <summary>
    /// The selected sources as UTF-8, for the reader's record filter (<see cref="SourceSkim"/>);
    /// null with <see cref="AllSources"/>, when every record is read.
    /// </summary>
    public byte[][]? SourcesUtf8()
    {
        if (AllSources)
        {
            return null;
        }

        var utf8 = new byte[Sources.Count][];
        int i = 0;
        foreach (string source in Sources)
        {
            utf8[i++] = Encoding.UTF8.GetBytes(source);
        }

        return utf8;
    }

    /// <summary>Whether the event comes from a selected service.</summary>
    /// <remarks>
    /// A record without a string eventSource cannot be shown to come from another service, so it
    /// is kept (with its problem) rather than silently left out.
    /// </remarks>
    public bool MatchesSource(CloudTrailEvent evt) => AllSources || Sources.Contains(evt.EventSource) || (evt.EventSource.Length == 0 && evt.HasProblems);

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

        if (Accounts is not null && (evt.RecipientAccountId is not { } account || !Accounts.Contains(account)))
        {
            return false;
        }

        if (Regions is not null && (evt.AwsRegion is not { } region || !Regions.Contains(region)))
        {
            return false;
        }

        if (Principals is not null && !MatchesAnyPrincipal(evt))
        {
            return false;
        }

        if (Vaults is not null && (json?.Vault is not { } vault || !Vaults.Contains(vault)))
        {
            return false;
        }

        return true;
    }

    private bool MatchesAnyPrincipal(CloudTrailEvent evt)
    {
        foreach (string principal in Principals!)
        {
            if (Input.Principal.Matches(evt, principal))
            {
                return true;
            }
        }

        return false;
    }
}
