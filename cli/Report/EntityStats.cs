using System;
using GlacierTrail.Cli.Audit;

namespace GlacierTrail.Cli.Report;

/// <summary>What one vault or one principal did, for the report's tables.</summary>
internal sealed class EntityStats
{
    /// <summary>Events matched.</summary>
    public long Events { get; private set; }

    /// <summary>Successful deletions (<see cref="SensitiveActions.Deletions"/>).</summary>
    public long Deletions { get; private set; }

    /// <summary>Successful access policy, vault lock, notification and data retrieval policy changes.</summary>
    public long Changes { get; private set; }

    /// <summary>Retrieval jobs started.</summary>
    public long Retrievals { get; private set; }

    /// <summary>Calls denied for want of permission.</summary>
    public long Denied { get; private set; }

    /// <summary>Calls that failed otherwise (an error code other than access denial).</summary>
    public long OtherErrors { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    /// <summary>Sensitive actions of any category, denied calls included.</summary>
    public long Sensitive => Deletions + Changes + Retrievals + Denied;

    public void Add(CloudTrailEvent evt, SensitiveActionCategory? category)
    {
        Events++;
        if (category == SensitiveActions.Deletions)
        {
            Deletions++;
        }
        else if (category == SensitiveActions.Retrievals)
        {
            Retrievals++;
        }
        else if (category == SensitiveActions.Denied)
        {
            Denied++;
        }
        else if (category is not null)
        {
            Changes++;
        }

        if (evt.ErrorCode is not null && category != SensitiveActions.Denied)
        {
            OtherErrors++;
        }

        if (evt.EventTime is { } time)
        {
            First = First is null || time < First ? time : First;
            Last = Last is null || time > Last ? time : Last;
        }
    }
}
