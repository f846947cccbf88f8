using System;

namespace GlacierTrail.Integrity;

/// <summary>The counts of one validation.</summary>
public sealed record IntegritySummary
{
    /// <summary>Digests validated (in the time window).</summary>
    public int Digests { get; init; }

    /// <summary>Digests whose signature verified and that no finding names.</summary>
    public int DigestsValid { get; init; }

    /// <summary>Distinct log files the validated digests reference.</summary>
    public int LogFilesReferenced { get; init; }

    /// <summary>Referenced log files present with the recorded SHA-256.</summary>
    public int LogFilesValid { get; init; }

    /// <summary>Uncompressed bytes of log files hashed.</summary>
    public long LogBytesHashed { get; init; }

    /// <summary>Files under the roots that are neither digests nor log files in the <c>AWSLogs/</c> layout (not validated).</summary>
    public int OtherFiles { get; init; }

    /// <summary>Findings of severity error.</summary>
    public int Errors { get; init; }

    /// <summary>Findings of severity warning.</summary>
    public int Warnings { get; init; }

    /// <summary>The earliest <c>digestStartTime</c> of the validated digests, or null when there are none.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The latest <c>digestEndTime</c> of the validated digests, or null when there are none.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Whether nothing is wrong: no errors (warnings allowed).</summary>
    public bool IsValid => Errors == 0;
}
